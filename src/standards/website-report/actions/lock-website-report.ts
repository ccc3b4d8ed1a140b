/**
 * Locks a 政府网站工作年度报表 once its figures are final (no entered figure changes after this), or unlocks it
 * for a correction. Locking is refused while the report's own checks find anything (src/standards/
 * website-report/checks.ts), and against a stale version. The platform's figures are frozen with the lock
 * (unlocking computes them afresh).
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { websiteReports } from '../../../db/schema/website-report.ts';
import { AppError } from '../../../errors.ts';
import { checkWebsiteReport } from '../checks.ts';
import { computeWebsiteFigures } from '../compute.ts';
import { getWebsiteReportRow, loadWebsiteReport } from '../store.ts';

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export async function lockWebsiteReport(
  deps: { db: Db; now: Date },
  input: { actorId: number; agencyId: number; year: number; version: number; unlock?: boolean },
) {
  return deps.db.transaction(async (tx) => {
    const row = await getWebsiteReportRow(tx, input.agencyId, input.year, true);
    if (!row) throw new AppError('invalid_state', '报表尚未填报，不能锁定');
    if (row.version !== input.version)
      throw new AppError('conflict', '报表已被他人修改，请刷新后再操作', { version: row.version });
    const from = input.unlock ? 'locked' : 'draft';
    if (row.status !== from)
      throw new AppError('invalid_state', input.unlock ? '只有已锁定的报表可以解锁' : '报表已锁定');
    if (!input.unlock && shanghaiDate.format(deps.now) < `${input.year + 1}-01-01`)
      throw new AppError(
        'invalid_state',
        `${input.year}年度尚未结束，报表自${input.year + 1}年1月1日起方可锁定（国办函〔2018〕12号：每年1月31日前发布上一年度报表）；可以继续填报。`,
      );
    let computed: { values: Record<string, unknown>; sources: Record<string, unknown> } | null = null;
    if (!input.unlock) {
      const report = await loadWebsiteReport(tx, { agencyId: input.agencyId, year: input.year });
      const findings = checkWebsiteReport(report.values);
      if (findings.length > 0)
        throw new AppError('invalid_state', `报表有${findings.length}项未通过校验，不能锁定`, { findings });
      // The platform's figures are frozen as locked: the report no longer moves with the catalog.
      const frozen = await computeWebsiteFigures(tx, { agencyId: input.agencyId, year: input.year });
      computed = { values: frozen.values, sources: frozen.sources };
    }
    const [updated] = await tx
      .update(websiteReports)
      .set({
        status: input.unlock ? 'draft' : 'locked',
        computed,
        lockedAt: input.unlock ? null : deps.now,
        lockedBy: input.unlock ? null : input.actorId,
        version: row.version + 1,
        updatedAt: deps.now,
        updatedBy: input.actorId,
      })
      .where(eq(websiteReports.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: input.unlock ? 'website_report.unlocked' : 'website_report.locked',
      entityType: 'website_report',
      entityId: row.id,
      agencyId: input.agencyId,
      data: { year: input.year },
    });
    return updated;
  });
}
