/**
 * A case's clock from its own record — receipt, 补正, each consultation, the fee wait, the extension and
 * its length, a 第三十五条 period — derived by the statute's one function (src/law/case-clock.ts). The due
 * date is stored with its explanation as a cache for lists and sorting, recomputed on every change and
 * whenever the calendar changes.
 */

import type { Case, CasePause } from '../db/schema/cases.ts';
import type { WorkingCalendar } from '../law/calendar.ts';
import { type CaseClock, type ClockInput, deriveClock } from '../law/case-clock.ts';
import { regimeById } from '../law/regimes.ts';

export type ClockFields = Pick<
  Case,
  | 'receivedOn'
  | 'regime'
  | 'state'
  | 'correctionReceivedOn'
  | 'extended'
  | 'extensionDays'
  | 'feeNoticeOn'
  | 'feeNoticeReceivedOn'
  | 'feePaidOn'
  | 'reasonableDueOn'
  | 'reasonableSetOn'
>;
export type ClockPause = Pick<CasePause, 'kind' | 'fromOn' | 'toOn' | 'partyReceivedOn'>;

/** The clock's facts as the case row holds them (its projection of the events). */
export function clockInputOf(c: ClockFields, pauses: ClockPause[]): ClockInput {
  return {
    regime: c.regime,
    state: c.state,
    receivedOn: c.receivedOn,
    correctionReceivedOn: c.correctionReceivedOn,
    consultations: pauses.map((p) => ({
      kind: p.kind,
      sentOn: p.fromOn,
      partyReceivedOn: p.partyReceivedOn,
      answeredOn: p.toOn,
    })),
    fee: c.feeNoticeOn
      ? { noticeOn: c.feeNoticeOn, noticeReceivedOn: c.feeNoticeReceivedOn, paidOn: c.feePaidOn }
      : null,
    // Cases extended before the length was recorded had the full period.
    extensionDays: c.extended ? (c.extensionDays ?? regimeById(c.regime).extensionDays) : null,
    reasonablePeriod:
      c.reasonableDueOn && c.reasonableSetOn ? { due: c.reasonableDueOn, setOn: c.reasonableSetOn } : null,
  };
}

/** The case's clock today. */
export function clockOf(c: ClockFields, pauses: ClockPause[], calendar: WorkingCalendar, today: string): CaseClock {
  return deriveClock(clockInputOf(c, pauses), calendar, today);
}

/** The stored cache of the clock from its facts: due date, first period's end, explanation, 暂定. */
export function dueFromInput(input: ClockInput, calendar: WorkingCalendar, today: string) {
  const k = deriveClock(input, calendar, today);
  return { dueOn: k.dueOn, firstDueOn: k.firstDueOn, dueExplanation: k.explanation, dueProvisional: k.provisional };
}

/** The stored cache of the clock: due date, first period's end, explanation, 暂定. */
export function dueOf(c: ClockFields, pauses: ClockPause[], calendar: WorkingCalendar, today: string) {
  return dueFromInput(clockInputOf(c, pauses), calendar, today);
}

/** The clock fields of an application just received (nothing else has happened). */
export const NEW_CASE_CLOCK = {
  state: 'received',
  correctionReceivedOn: null,
  extended: false,
  extensionDays: null,
  feeNoticeOn: null,
  feeNoticeReceivedOn: null,
  feePaidOn: null,
  reasonableDueOn: null,
  reasonableSetOn: null,
} as const satisfies Omit<ClockFields, 'receivedOn' | 'regime'>;
