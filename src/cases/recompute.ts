/**
 * When the calendar changes (a newly announced year, a correction), every open case's due date — and every
 * 暂定 (provisional) date, open or closed — is recomputed inside the calendar's own transaction. Each
 * case whose date changed gets its audit event ('case.due_recomputed': from, to, why), and the change as a
 * whole one summary event ('calendar.due_dates_recomputed': how many, by year), so an office can show
 * which dates moved when the State Council's notice was entered (law-and-formats.md §6.4).
 */
import { eq, inArray, notInArray, or } from 'drizzle-orm';
import { type CalendarChange, loadCalendar, onCalendarChanged } from '../calendar-store/index.ts';
import { shanghaiDay } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Tx } from '../db/client.ts';
import { casePauses, cases } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { consultationReplyDue } from '../law/deadline.ts';
import { dueOf } from './due.ts';

export interface RecomputeSummary {
  /** Cases looked at: open ones and closed ones with a 暂定 date. */
  checked: number;
  /** Cases whose due date moved. */
  changed: number;
  /** Cases whose date was 暂定 and now rests on a notice. */
  confirmed: number;
}

export async function recomputeOpenDueDates(
  tx: Tx,
  change: CalendarChange & { years?: number[] } = { at: new Date(), actorId: null },
): Promise<RecomputeSummary> {
  const calendar = await loadCalendar(tx);
  const rows = await tx
    .select()
    .from(cases)
    .where(or(notInArray(cases.state, ['replied', 'withdrawn']), eq(cases.dueProvisional, true)));
  const summary: RecomputeSummary = { checked: rows.length, changed: 0, confirmed: 0 };
  if (!rows.length) return summary;
  const pauses = await tx
    .select()
    .from(casePauses)
    .where(
      inArray(
        casePauses.caseId,
        rows.map((c) => c.id),
      ),
    );
  for (const c of rows) {
    try {
      const own = pauses.filter((p) => p.caseId === c.id);
      // An open consultation lasts at most until its reply is due, itself counted on the calendar.
      for (const p of own) {
        if (p.toOn !== null) continue;
        const replyDueOn = consultationReplyDue(p.partyReceivedOn ?? p.fromOn, calendar);
        if (replyDueOn !== p.replyDueOn) {
          await tx.update(casePauses).set({ replyDueOn }).where(eq(casePauses.id, p.id));
          p.replyDueOn = replyDueOn;
        }
      }
      const due = dueOf(c, own, calendar, shanghaiDay(change.at));
      if (due.dueOn === c.dueOn && due.dueProvisional === c.dueProvisional) {
        if (due.firstDueOn !== c.firstDueOn) await tx.update(cases).set(due).where(eq(cases.id, c.id));
        continue;
      }
      if (due.dueOn !== c.dueOn) summary.changed++;
      if (c.dueProvisional && !due.dueProvisional) summary.confirmed++;
      await tx.update(cases).set(due).where(eq(cases.id, c.id));
      await recordAudit(tx, {
        at: change.at,
        actorId: change.actorId,
        action: 'case.due_recomputed',
        entityType: 'case',
        entityId: c.id,
        agencyId: c.agencyId,
        data: {
          from: c.dueOn,
          to: due.dueOn,
          wasProvisional: c.dueProvisional,
          provisional: due.dueProvisional,
          reason: c.dueProvisional
            ? `工作日历录入${(change.years ?? []).join('、')}年的节假日安排，暂定期限按通知重新计算`
            : `工作日历${(change.years ?? []).join('、')}年的节假日安排变更，期限重新计算`,
          calendarYears: change.years ?? [],
        },
      });
    } catch (error) {
      // Only a year before any calendar (before 2008) can still be missing: that case keeps its date.
      if (!(error instanceof AppError && error.code === 'calendar_missing')) throw error;
    }
  }
  await recordAudit(tx, {
    at: change.at,
    actorId: change.actorId,
    action: 'calendar.due_dates_recomputed',
    entityType: 'calendar',
    data: { years: change.years ?? [], ...summary },
  });
  return summary;
}

let registered = false;
/** Registers the recompute hook once per process. */
export function registerDueDateRecompute(): void {
  if (registered) return;
  registered = true;
  onCalendarChanged(async (tx, years, change) => {
    await recomputeOpenDueDates(tx, { ...change, years });
  });
}
