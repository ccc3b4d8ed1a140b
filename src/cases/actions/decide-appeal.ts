/**
 * 行政复议 and 行政诉讼 about a case: filed (direct suit or after review), then decided — 维持, 纠正, 其他 — or
 * still 尚未审结 at the year's end. They feed section 四 of the annual report.
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../auth/roles.ts';
import { requirePermission } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { appeals } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import type { CaseDeps } from '../transition.ts';

export async function decideAppeal(
  deps: CaseDeps,
  input: { user: SessionUser | null; appealId: number; outcome: 'upheld' | 'corrected' | 'other'; decidedOn: string },
) {
  const decidedOn = parseDate(input.decidedOn, '审结日期');
  return deps.db.transaction(async (tx) => {
    const [a] = await tx.select().from(appeals).where(eq(appeals.id, input.appealId)).for('update');
    if (!a) throw new AppError('not_found', `复议或诉讼记录 ${input.appealId} 不存在`);
    if (input.user) requirePermission(input.user, 'case.handle', a.agencyId);
    if (a.outcome !== 'pending') throw new AppError('invalid_state', '该案件已审结');
    if (decidedOn < a.filedOn) throw new AppError('bad_input', '审结日期早于立案日期');
    const [row] = await tx
      .update(appeals)
      .set({ outcome: input.outcome, decidedOn })
      .where(eq(appeals.id, a.id))
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user?.id ?? null,
      action: 'appeal.decided',
      entityType: 'case',
      entityId: a.caseId,
      agencyId: a.agencyId,
      data: { appealId: a.id, outcome: input.outcome, decidedOn },
    });
    return row;
  });
}
