/**
 * Corrects a published report (年报更正): new figures or narrative, a reason, the before and after kept.
 * The corrected report is checked again; a correction that would introduce an error is refused.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports, reportCorrections } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import type { CellValue, Narrative } from '../../report/model.ts';
import { toReport as parseReport } from '../../report/parse.ts';
import { findingsFor, getReportRow, toReport } from '../store.ts';

export interface CorrectReportInput {
  actorId: number;
  reportId: number;
  reason: string;
  values?: Record<string, CellValue>;
  narrative?: Narrative;
}

export async function correctReport(deps: { db: Db; now: Date }, input: CorrectReportInput) {
  if (input.reason.trim().length < 4) throw new AppError('bad_input', '请写明更正的理由');
  return deps.db.transaction(async (tx) => {
    const row = await getReportRow(tx, input.reportId, true);
    if (row.status !== 'published') throw new AppError('invalid_state', '只有已发布的报告需要走更正；草稿可直接修改');
    const values = { ...row.values, ...(input.values ?? {}) };
    // Validates keys and types against the template.
    parseReport({ format: row.format, year: row.year, issuer: row.issuer, values }, `报告${row.id}`);
    const narrative = input.narrative ?? row.narrative;
    const corrected = { ...toReport(row), values, narrative };
    const { findings, errorCount } = await findingsFor(tx, corrected, row);
    if (errorCount > 0)
      throw new AppError('blocked', `更正后的报告有 ${errorCount} 处勾稽关系错误：${findings[0]?.message}`);
    const changed = Object.keys(input.values ?? {}).filter((k) => row.values[k] !== values[k]);
    await tx.insert(reportCorrections).values({
      reportId: row.id,
      at: deps.now,
      actorId: input.actorId,
      reason: input.reason.trim(),
      before: {
        values: Object.fromEntries(changed.map((k) => [k, row.values[k] ?? null])),
        narrative: input.narrative ? row.narrative : undefined,
      },
      after: { values: Object.fromEntries(changed.map((k) => [k, values[k]])), narrative: input.narrative },
    });
    const [updated] = await tx
      .update(annualReports)
      .set({ values, narrative, findings, errorCount, updatedAt: deps.now })
      .where(eq(annualReports.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: 'report.corrected',
      entityType: 'annual_report',
      entityId: String(row.id),
      agencyId: row.agencyId ?? undefined,
      data: { reason: input.reason.trim(), changed },
    });
    return updated;
  });
}
