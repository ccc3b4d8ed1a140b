/**
 * When the calendar changes (a newly announced year, a correction), every open case's due date is
 * recomputed inside the calendar's own transaction.
 */
import { eq, inArray, notInArray } from 'drizzle-orm';
import { loadCalendar, onCalendarChanged } from '../calendar-store/index.ts';
import type { Tx } from '../db/client.ts';
import { casePauses, cases } from '../db/schema/cases.ts';
import { dueOf } from './due.ts';

export async function recomputeOpenDueDates(tx: Tx): Promise<number> {
  const calendar = await loadCalendar(tx);
  const open = await tx
    .select()
    .from(cases)
    .where(notInArray(cases.state, ['replied', 'withdrawn']));
  if (!open.length) return 0;
  const pauses = await tx
    .select()
    .from(casePauses)
    .where(
      inArray(
        casePauses.caseId,
        open.map((c) => c.id),
      ),
    );
  let changed = 0;
  for (const c of open) {
    try {
      const due = dueOf(
        c,
        pauses.filter((p) => p.caseId === c.id),
        calendar,
      );
      if (due.dueOn !== c.dueOn) changed++;
      await tx.update(cases).set(due).where(eq(cases.id, c.id));
    } catch {
      // A period running into a year still missing keeps its old date until that year is entered.
    }
  }
  return changed;
}

let registered = false;
/** Registers the recompute hook once per process. */
export function registerDueDateRecompute(): void {
  if (registered) return;
  registered = true;
  onCalendarChanged(async (tx) => {
    await recomputeOpenDueDates(tx);
  });
}
