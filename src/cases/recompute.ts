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
import { type Case, type CasePause, casePauses, cases } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { FEE_WAIT_STOPS_CLOCK } from '../law/case-clock.ts';
import { consultationReplyDue, feePaymentDue } from '../law/deadline.ts';
import { dueOf } from './due.ts';

export interface RecomputeSummary {
  /** Cases looked at: open ones and closed ones with a 暂定 date. */
  checked: number;
  /** Cases whose due date moved. */
  changed: number;
  /** Cases whose date was 暂定 and now rests on a notice. */
  confirmed: number;
  /** Why the dates moved: reason → number of cases. */
  reasons: Record<string, number>;
}

/**
 * Why a case's due date moved, from what the case holds — the rule of src/law/case-clock.ts that makes the
 * difference (for `gongkai migrate`'s report and each case's audit event).
 */
export function whyMoved(
  c: Pick<Case, 'regime' | 'dueProvisional' | 'feeNoticeOn'>,
  pauses: Pick<CasePause, 'kind' | 'fromOn' | 'toOn'>[],
  nowProvisional: boolean,
  calendarYears: number[],
): string {
  if (c.dueProvisional || nowProvisional) {
    return c.dueProvisional && !nowProvisional
      ? `工作日历录入${calendarYears.join('、')}年的节假日安排，暂定期限按通知重新计算`
      : '期限跨入尚无节假日安排的年份，按法定节假日暂定计算';
  }
  if (calendarYears.length) return `工作日历${calendarYears.join('、')}年的节假日安排变更，期限重新计算`;
  if (c.feeNoticeOn && FEE_WAIT_STOPS_CLOCK) return '等待缴纳信息处理费的期间不计入答复期限（FEE_WAIT_STOPS_CLOCK）';
  if (c.regime === '2007' && pauses.some((p) => p.kind === 'agency'))
    return '2007年《条例》第二十四条第三款：征求其他机关意见的时间照常计算';
  if (c.regime === '2007' && pauses.some((p) => p.kind === 'third_party'))
    return '2007年《条例》第二十三条：征求第三方意见没有15个工作日的期限';
  return '按现行计算规则重新计算';
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
  const summary: RecomputeSummary = { checked: rows.length, changed: 0, confirmed: 0, reasons: {} };
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
      // The fee's 20 working days from the applicant's receipt of the notice, on the calendar too.
      if (c.state === 'awaiting_fee' && c.feeNoticeReceivedOn) {
        const feeDueOn = feePaymentDue(c.feeNoticeReceivedOn, calendar);
        if (feeDueOn !== c.feeDueOn) await tx.update(cases).set({ feeDueOn }).where(eq(cases.id, c.id));
      }
      const due = dueOf(c, own, calendar, shanghaiDay(change.at));
      if (due.dueOn === c.dueOn && due.dueProvisional === c.dueProvisional) {
        if (due.firstDueOn !== c.firstDueOn) await tx.update(cases).set(due).where(eq(cases.id, c.id));
        continue;
      }
      const reason = whyMoved(c, own, due.dueProvisional, change.years ?? []);
      if (due.dueOn !== c.dueOn) {
        summary.changed++;
        summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
      }
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
          reason,
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
    action: change.years?.length ? 'calendar.due_dates_recomputed' : 'case.due_dates_recomputed',
    entityType: change.years?.length ? 'calendar' : 'case',
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
