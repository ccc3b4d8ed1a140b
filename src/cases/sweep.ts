/**
 * The reminder sweep: cases whose clock runs (src/law/case-clock.ts: not closed, not waiting for a 补正 or a
 * fee) and that are due within the next days or overdue get a reminder once per day —
 * idempotent (reminded_at marks what was done today) and bounded (at most `limit` per run), so a job can
 * rerun safely. Each reminder is an audit event; delivery (SMS, 政务微信) reads those events.
 */
import { and, asc, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { type CaseState, cases } from '../db/schema/cases.ts';
import { CLOCK_STOPPED_STATES, isOverdue } from '../law/case-clock.ts';

export async function sweepReminders(
  deps: { db: Db; clock: Clock },
  opts: { limit?: number; withinDays?: number } = {},
) {
  const today = deps.clock.today();
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + (opts.withinDays ?? 3));
  const until = horizon.toISOString().slice(0, 10);
  const startOfDay = new Date(`${today}T00:00:00+08:00`);
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: cases.id, agencyId: cases.agencyId, state: cases.state, dueOn: cases.dueOn })
      .from(cases)
      .where(
        and(
          notInArray(cases.state, CLOCK_STOPPED_STATES as CaseState[]),
          lte(cases.dueOn, until),
          or(isNull(cases.remindedAt), lt(cases.remindedAt, startOfDay)),
        ),
      )
      .orderBy(asc(cases.dueOn))
      .limit(opts.limit ?? 500)
      .for('update', { skipLocked: true });
    for (const c of due) {
      await tx.update(cases).set({ remindedAt: deps.clock.now() }).where(sql`${cases.id} = ${c.id}`);
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: null,
        action: isOverdue({ state: c.state, dueOn: c.dueOn }, today) ? 'case.overdue_reminder' : 'case.due_reminder',
        entityType: 'case',
        entityId: c.id,
        agencyId: c.agencyId,
        data: { dueOn: c.dueOn },
      });
    }
    return due.length;
  });
}
