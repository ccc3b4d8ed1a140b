/**
 * A case's clock, derived — never stored — from what happened to it and the calendar: the due date, the
 * spans not counted, whether the period runs at all, whether it is overdue, and the explanation day by
 * day. One function for every reader (inbox, supervision ranking, reminders, the case page), both regimes.
 *
 * The rules, each with its source; every doubtful point is a named parameter below.
 * - 2019 (国务院令第711号): 20 working days from receipt (第三十三条第二款); an unclear application stops
 *   the clock until the 补正 arrives, and the period then runs afresh from that day (第三十条: “答复期限自行政
 *   机关收到补正的申请之日起计算”), so a case waiting for its 补正 is never 逾期; consultation of a third party
 *   (第三十二条) or another agency (第三十四条) is not counted (第三十三条第三款), each consultation its own
 *   window of 15 working days from the consulted party's receipt (“自收到征求意见书之日起15个工作日内”);
 *   an extension of at most 20 working days (第三十三条第二款); an agency-set period for a reasonable bulk
 *   request (第三十五条).
 * - 2007 (国务院令第492号): 15 working days, extension ≤ 15 (第二十四条第二款); only the time to consult a
 *   THIRD PARTY is not counted (第二十四条第三款) — consulting another agency counts — and the 2007 条例 gives
 *   the third party no window (第二十三条), so its pause lasts until the answer.
 */
import type { WorkingCalendar } from './calendar.ts';
import { parseDate } from './dates.ts';
import { computeDeadline, type Deadline, type PauseInput } from './deadline.ts';
import { type RegimeId, regimeById } from './regimes.ts';

export type ClockState =
  | 'received'
  | 'awaiting_correction'
  | 'consulting'
  | 'awaiting_fee'
  | 'replied'
  | 'withdrawn'
  | (string & {});

/**
 * [UNCONFIRMED] law-and-formats.md §5 and §7 item 4: whether the time between the 收费通知 and payment is
 * counted in the 第三十三条 period. CHOICE: it is NOT counted — the wait stops the clock from the day the
 * notice is sent to the day of payment, and a case waiting for its fee is never 逾期. Reasons: the fee is
 * a condition of providing the information (条例第四十二条; 《政府信息公开信息处理费管理办法》 lets the
 * applicant 20 working days from receipt of the notice to pay, which could otherwise consume the whole
 * answer period), and the platform's 收费通知书 already tells the applicant “缴费期间不计算在答复期限内”.
 * Set to false to count the wait instead.
 */
export const FEE_WAIT_STOPS_CLOCK = true;
export const FEE_WAIT_BASIS =
  '《条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；缴费期间是否计入答复期限，法规未明文规定，本平台按不计入处理';

/**
 * [UNCONFIRMED] law-and-formats.md §5, §7 item 9: the exact start and stop of the consultation pause.
 * CHOICE: FROM the day the 征求意见书 is sent, TO the day the answer arrives, at the latest the last day of
 * the consulted party's 15 working days (counted from its receipt of the letter, or from sending while the
 * receipt is not recorded). Both dates are recorded, so a different reading can be recomputed.
 */
export const CONSULTATION_PAUSE_FROM = 'sent' as const;

/** 第三十条 一次性告知: one 补正 request per application (2019 regime only; the 2007 条例 has no such rule). */
export const ONE_CORRECTION_ONLY: Record<RegimeId, boolean> = { '2019': true, '2007': false };

export interface ClockConsultation {
  kind: 'third_party' | 'agency';
  sentOn: string;
  /** The consulted party's receipt of the 征求意见书: its window runs from here (第三十二条, 第三十四条). */
  partyReceivedOn?: string | null;
  /** The day its answer arrived; null while open. */
  answeredOn?: string | null;
}

export interface ClockInput {
  regime: RegimeId;
  state: ClockState;
  receivedOn: string;
  correctionReceivedOn?: string | null;
  consultations?: ClockConsultation[];
  fee?: { noticeOn: string; noticeReceivedOn?: string | null; paidOn?: string | null } | null;
  /** The approved extension in working days, or null/absent when none. */
  extensionDays?: number | null;
  /** 第三十五条: the agency-set date and the day it told the applicant. */
  reasonablePeriod?: { due: string; setOn: string } | null;
}

export interface CaseClock {
  deadline: Deadline;
  dueOn: string;
  firstDueOn: string;
  provisional: boolean;
  /** What stops the clock now: a 补正 awaited, a fee awaited (when FEE_WAIT_STOPS_CLOCK), or the case closed. */
  stoppedBy: 'correction' | 'fee' | 'closed' | null;
  /** The spans not counted, with why. */
  pausedSpans: { from: string; to: string; reason: string }[];
  explanation: string[];
}

/** The last day a consultation can pause the clock: 15 working days from the party's receipt (2019). */
export function consultationWindowEnd(c: ClockConsultation, regime: RegimeId, calendar: WorkingCalendar) {
  const r = regimeById(regime);
  if (r.consultationDays === null) return null;
  const from = c.partyReceivedOn ?? c.sentOn;
  return calendar.addWorkingDays(parseDate(from), r.consultationDays).date;
}

/**
 * The clock of one case. `today` bounds what is still open where the law sets no end (a 2007 third-party
 * consultation; a fee wait not yet paid is bounded by its payment window instead).
 */
export function deriveClock(
  input: ClockInput,
  calendar: WorkingCalendar,
  today: string,
  opts: { explain?: boolean } = {},
): CaseClock {
  const regime = regimeById(input.regime);
  const pauses: (PauseInput & { reason: string })[] = [];
  const notes: string[] = [];
  for (const c of input.consultations ?? []) {
    if (regime.id === '2007' && c.kind === 'agency') {
      notes.push(
        `${c.sentOn}征求其他行政机关意见：2007年《条例》第二十四条第三款只规定征求第三方意见所需时间不计入期限，此期间照常计算。`,
      );
      continue;
    }
    const windowEnd = consultationWindowEnd(c, regime.id, calendar);
    let to = c.answeredOn ?? windowEnd ?? today;
    if (windowEnd && to > windowEnd) to = windowEnd;
    if (to < c.sentOn) continue;
    pauses.push({ from: c.sentOn, to, reason: c.kind === 'third_party' ? '征求第三方意见' : '征求其他机关意见' });
  }
  if (input.fee && FEE_WAIT_STOPS_CLOCK) {
    const f = input.fee;
    const windowEnd = calendar.addWorkingDays(parseDate(f.noticeReceivedOn ?? f.noticeOn), 20).date;
    const to = f.paidOn ?? windowEnd;
    pauses.push({
      from: f.noticeOn,
      to,
      label: `等待缴纳信息处理费，不计算在答复期限内（${FEE_WAIT_BASIS}）`,
      reason: '等待缴纳信息处理费',
    });
  }
  const deadline = computeDeadline(
    {
      received: input.receivedOn,
      regime: regime.id,
      correctionReceived: input.correctionReceivedOn ?? undefined,
      pauses: pauses.map(({ reason: _r, ...p }) => p),
      extended: input.extensionDays != null,
      extensionDays: input.extensionDays ?? undefined,
      reasonablePeriod: input.reasonablePeriod ?? undefined,
      explain: opts.explain,
    },
    calendar,
  );
  const stoppedBy = stopOf(input.state);
  const explanation = [...deadline.explanation];
  explanation.splice(explanation.length - 1, 0, ...notes);
  if (stoppedBy === 'correction') {
    explanation.push(
      `等待申请人补正：答复期限自收到补正之日起重新计算（${regime.basis.correction}），期间不计逾期；上列日期为未补正时的期限。`,
    );
  }
  if (stoppedBy === 'fee')
    explanation.push(`等待缴纳信息处理费：期间不计算在答复期限内（${FEE_WAIT_BASIS}），不计逾期。`);
  return {
    deadline,
    dueOn: deadline.due,
    firstDueOn: deadline.firstDue,
    provisional: deadline.provisional,
    stoppedBy,
    pausedSpans: pauses.map((p) => ({ from: p.from, to: p.to, reason: p.reason })),
    explanation,
  };
}

/**
 * The states in which the clock does not run — the one list SQL readers filter on (supervision counts, the
 * reminder sweep) and `isOverdue` reads.
 */
export const CLOCK_STOPPED_STATES: readonly ClockState[] = [
  'replied',
  'withdrawn',
  'awaiting_correction',
  ...(FEE_WAIT_STOPS_CLOCK ? ['awaiting_fee'] : []),
];

function stopOf(state: ClockState): CaseClock['stoppedBy'] {
  if (!CLOCK_STOPPED_STATES.includes(state)) return null;
  if (state === 'awaiting_correction') return 'correction';
  if (state === 'awaiting_fee') return 'fee';
  return 'closed';
}

/**
 * 逾期 — the one definition every reader uses (inbox, supervision ranking, reminders): the clock is
 * running (not closed, not waiting for a 补正 (第三十条), not waiting for a fee while that stops the clock)
 * and its due date has passed.
 */
export function isOverdue(c: { state: ClockState; dueOn: string }, today: string): boolean {
  return stopOf(c.state) === null && c.dueOn < today;
}

/** Due within `days` calendar days and running (the 临期 mark and the reminder horizon). */
export function isDueSoon(c: { state: ClockState; dueOn: string }, today: string, days = 5): boolean {
  if (stopOf(c.state) !== null || c.dueOn < today) return false;
  const diff = (Date.parse(`${c.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return diff <= days;
}
