/**
 * A case's due date from its own record: receipt, 补正, consultation pauses, extension — computed by the
 * statute (src/law/deadline.ts) and stored with its explanation. An open consultation counts as lasting
 * until its reply is due (15 working days), the latest it can legally run.
 */

import type { Case, CasePause } from '../db/schema/cases.ts';
import type { WorkingCalendar } from '../law/calendar.ts';
import { computeDeadline } from '../law/deadline.ts';

export function dueOf(
  c: Pick<Case, 'receivedOn' | 'regime' | 'correctionReceivedOn' | 'extended'>,
  pauses: Pick<CasePause, 'fromOn' | 'toOn' | 'replyDueOn'>[],
  calendar: WorkingCalendar,
) {
  const d = computeDeadline(
    {
      received: c.receivedOn,
      regime: c.regime,
      correctionReceived: c.correctionReceivedOn ?? undefined,
      pauses: pauses.map((p) => ({ from: p.fromOn, to: p.toOn ?? p.replyDueOn })),
      extended: c.extended,
    },
    calendar,
  );
  return { dueOn: d.due, firstDueOn: d.firstDue, dueExplanation: d.explanation, dueProvisional: d.provisional };
}
