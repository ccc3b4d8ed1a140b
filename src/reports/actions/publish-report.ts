/**
 * Publishes a locked report to the portal. A report whose tables contradict themselves (a finding of
 * severity error) is not published: 条例第五十条 wants figures the public can rely on.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import { findingsFor, getReportRow, toReport } from '../store.ts';
import { refuseBeforeYearEnds } from '../year-end.ts';

export async function publishReport(deps: { db: Db; now: Date }, input: { actorId: number; reportId: number }) {
  return deps.db.transaction(async (tx) => {
    const row = await getReportRow(tx, input.reportId, true);
    refuseBeforeYearEnds(row.year, deps.now, '发布');
    if (row.status !== 'locked') throw new AppError('invalid_state', '请先锁定报告，再发布');
    const { findings, errorCount } = await findingsFor(tx, toReport(row), row);
    if (errorCount > 0) {
      throw new AppError(
        'blocked',
        `报告有 ${errorCount} 处勾稽关系错误，改正后才能发布：${findings.find((f) => f.severity === 'error')?.message}`,
      );
    }
    const [updated] = await tx
      .update(annualReports)
      .set({ status: 'published', publishedAt: deps.now, findings, errorCount, updatedAt: deps.now })
      .where(eq(annualReports.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: 'report.published',
      entityType: 'annual_report',
      entityId: String(row.id),
      agencyId: row.agencyId ?? undefined,
      data: { year: row.year },
    });
    return updated;
  });
}
