/**
 * The office writes the narrative sections (总体情况, 存在的主要问题及改进情况, 其他需要报告的事项) of a draft,
 * against the version it was shown (two clerks editing at once: the second save is refused, not lost).
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { assertEditVersion, editVersionOf } from '../../db/edit-version.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import type { Narrative } from '../../report/model.ts';
import { getReportRow } from '../store.ts';

export async function updateNarrative(
  deps: { db: Db; now: Date },
  /** The version of the report the editor was shown (`narrativeVersion(row)`): a stale save is refused. */
  input: { actorId: number; reportId: number; narrative: Narrative; version: string },
) {
  return deps.db.transaction(async (tx) => {
    const row = await getReportRow(tx, input.reportId, true);
    if (row.status !== 'draft')
      throw new AppError('invalid_state', '报告已锁定或发布，正文不能再修改；发布后的修改请走更正');
    assertEditVersion(narrativeVersion(row), input.version, '年度报告正文');
    const [updated] = await tx
      .update(annualReports)
      .set({ narrative: input.narrative, updatedAt: deps.now })
      .where(eq(annualReports.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: 'report.narrative_updated',
      entityType: 'annual_report',
      entityId: String(row.id),
      agencyId: row.agencyId ?? undefined,
    });
    return updated;
  });
}

/** The version of a report's narrative an editor is shown. */
export const narrativeVersion = (row: { updatedAt: Date; narrative: unknown }) => editVersionOf(row, row.narrative);
