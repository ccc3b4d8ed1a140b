/** Locks the year's figures: no recomputation after this (unlock returns the report to draft). */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import { getReportRow } from '../store.ts';
import { refuseBeforeYearEnds } from '../year-end.ts';

export async function lockReport(
  deps: { db: Db; now: Date },
  input: { actorId: number; reportId: number; unlock?: boolean },
) {
  return deps.db.transaction(async (tx) => {
    const row = await getReportRow(tx, input.reportId, true);
    if (!input.unlock) refuseBeforeYearEnds(row.year, deps.now, '锁定');
    const from = input.unlock ? 'locked' : 'draft';
    if (row.status !== from)
      throw new AppError('invalid_state', input.unlock ? '只有已锁定、未发布的报告可以解锁' : '只有草稿可以锁定');
    const [updated] = await tx
      .update(annualReports)
      .set({ status: input.unlock ? 'draft' : 'locked', lockedAt: input.unlock ? null : deps.now, updatedAt: deps.now })
      .where(eq(annualReports.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: input.unlock ? 'report.unlocked' : 'report.locked',
      entityType: 'annual_report',
      entityId: String(row.id),
      agencyId: row.agencyId ?? undefined,
    });
    return updated;
  });
}
