/**
 * Keeps an agency's computed report for a year: the tables as computed from cases and the catalog, the
 * narrative as the office wrote it. A locked or published report is not overwritten (use a correction).
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports, type CountScope } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import type { Narrative, Report } from '../../report/model.ts';
import { bodyKey } from '../body-key.ts';
import { findingsFor } from '../store.ts';

export interface SaveComputedReportInput {
  actorId: number | null;
  agencyId: number;
  report: Report;
  narrative?: Narrative;
  /** Whose records the tables count; a rebuild keeps the draft's when not given. */
  countScope?: CountScope;
}

export async function saveComputedReport(deps: { db: Db; now: Date }, input: SaveComputedReportInput) {
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(annualReports)
      .where(
        and(
          eq(annualReports.agencyId, input.agencyId),
          eq(annualReports.year, input.report.year),
          eq(annualReports.origin, 'computed'),
        ),
      )
      .for('update');
    if (existing && existing.status !== 'draft') {
      throw new AppError(
        'invalid_state',
        `${input.report.year}年度报告已${existing.status === 'locked' ? '锁定' : '发布'}，不能重新生成；如需修改请先解锁或提出更正`,
      );
    }
    const narrative = input.narrative ?? existing?.narrative ?? {};
    const report = { ...input.report, narrative };
    const key = bodyKey(report.issuer);
    const { findings, errorCount } = await findingsFor(tx, report, {
      bodyKey: key,
      year: report.year,
      agencyId: input.agencyId,
      origin: 'computed',
    });
    const fields = {
      issuer: report.issuer,
      bodyKey: key,
      format: report.format,
      hasTable: true,
      countScope: input.countScope ?? existing?.countScope ?? 'own',
      values: report.values,
      narrative,
      findings,
      errorCount,
      updatedAt: deps.now,
    };
    const [row] = existing
      ? await tx.update(annualReports).set(fields).where(eq(annualReports.id, existing.id)).returning()
      : await tx
          .insert(annualReports)
          .values({
            ...fields,
            origin: 'computed',
            agencyId: input.agencyId,
            year: report.year,
            status: 'draft',
            createdAt: deps.now,
          })
          .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: existing ? 'report.recomputed' : 'report.created',
      entityType: 'annual_report',
      entityId: String(row.id),
      agencyId: input.agencyId,
      data: { year: report.year, errorCount, countScope: fields.countScope },
    });
    return row;
  });
}
