/**
 * Time as a dependency: actions take a Clock so deadlines and sweeps are testable.
 * Dates of the law are calendar dates in China (Asia/Shanghai), written YYYY-MM-DD.
 */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai as YYYY-MM-DD. */
  today(): string;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const shanghaiParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** From here on Asia/Shanghai is UTC+8 all year (tzdata: no daylight saving in China since 1991). */
const ONE_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const UTC_PLUS_8 = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The UTC+8 day last formatted, and its date. */
let lastDay = Number.NaN;
let lastDate = '';

/**
 * The calendar date of an instant in China (Asia/Shanghai), YYYY-MM-DD: every date a person reads. Formatting
 * costs ~5 µs and a page asks for today's date many times (issue #18: ~50 µs of a list page): where the offset
 * is one all year, every instant of one UTC+8 day has the date last formatted for that day, given again.
 */
export const shanghaiDay = (at: Date): string => {
  const ms = at.getTime();
  if (!(ms >= ONE_OFFSET_SINCE)) return shanghaiDate.format(at); // before 1992, or an invalid date (throws)
  const day = Math.floor((ms + UTC_PLUS_8) / DAY_MS);
  if (day !== lastDay) {
    lastDate = shanghaiDate.format(at);
    lastDay = day;
  }
  return lastDate;
};

/**
 * An instant as people in China read it, Asia/Shanghai, never UTC: “2026-01-02 07:30” (or with seconds).
 * The one helper every page showing a time of a case, a report or the audit log uses.
 */
export function shanghaiTime(at: Date, precision: 'minute' | 'second' = 'minute'): string {
  const p = Object.fromEntries(shanghaiParts.formatToParts(at).map((x) => [x.type, x.value]));
  const time = precision === 'second' ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDay(new Date()),
};

/** A clock stopped at `iso` (a date or a full timestamp). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso.length === 10 ? `${iso}T09:00:00+08:00` : iso);
  return { now: () => new Date(at), today: () => shanghaiDay(at) };
}
