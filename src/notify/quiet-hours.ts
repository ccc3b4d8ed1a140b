/**
 * SMS quiet hours: no text message at night (e.g. 21:00–08:00 China time); one due then waits for the morning.
 * E-mail is not held. Hours are read in Asia/Shanghai whatever the server's zone.
 */

export interface QuietHours {
  /** Minutes after midnight the quiet hours begin and end ('21:00' → 1260); from > to spans midnight. */
  from: number;
  to: number;
}

/** '21:00-08:00' → { from: 1260, to: 480 }; throws on anything else. */
export function parseQuietHours(text: string): QuietHours {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  const minutes = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) {
    throw new Error(`短信免打扰时段应写作 HH:MM-HH:MM（如 21:00-08:00）：${text}`);
  }
  return { from: minutes(m[1], m[2]), to: minutes(m[3], m[4]) };
}

const SHANGHAI_OFFSET_MIN = 8 * 60;

/** The end of the quiet hours `now` falls in, or null when a message may go now. */
export function quietUntil(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.from === quiet.to) return null;
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MIN * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const inside =
    quiet.from < quiet.to ? minute >= quiet.from && minute < quiet.to : minute >= quiet.from || minute < quiet.to;
  if (!inside) return null;
  const end = new Date(local);
  end.setUTCHours(Math.floor(quiet.to / 60), quiet.to % 60, 0, 0);
  if (end <= local) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - SHANGHAI_OFFSET_MIN * 60_000);
}
