/**
 * A supervising office returns a unit's submitted (locked) report for correction: it goes back to draft,
 * and the unit gets a 督办 notice with the reason. A published report is corrected by its unit instead.
 */
import { eq } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { supervisionNotices } from '../../db/schema/supervision.ts';
import { AppError } from '../../errors.ts';
import { addDays } from '../../law/dates.ts';
import { getReportRow } from '../store.ts';

export async function returnReport(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; reportId: number; reason: string },
) {
  if (input.reason.trim().length < 4) throw new AppError('bad_input', '请写明退回修改的理由');
  return deps.db.transaction(async (tx) => {
    const row = await getReportRow(tx, input.reportId, true);
    if (row.agencyId === null || row.agencyId === input.user.agencyId)
      throw new AppError('forbidden', '只能退回下级单位的报告');
    requirePermission(input.user, 'supervision.read', row.agencyId);
    if (row.status !== 'locked')
      throw new AppError(
        'invalid_state',
        row.status === 'published' ? '已发布的报告由本单位提出更正' : '报告尚未报送（锁定）',
      );
    await tx
      .update(annualReports)
      .set({ status: 'draft', lockedAt: null, updatedAt: deps.clock.now() })
      .where(eq(annualReports.id, row.id));
    const [notice] = await tx
      .insert(supervisionNotices)
      .values({
        fromAgencyId: input.user.agencyId,
        toAgencyId: row.agencyId,
        subject: `${row.year}年度政府信息公开工作年度报告退回修改`,
        body: input.reason.trim(),
        replyBy: addDays(deps.clock.today(), 5),
        sentBy: input.user.id,
        sentAt: deps.clock.now(),
      })
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'report.returned',
      entityType: 'annual_report',
      entityId: row.id,
      agencyId: row.agencyId,
      data: { reason: input.reason.trim(), noticeId: notice.id },
    });
    return notice;
  });
}
