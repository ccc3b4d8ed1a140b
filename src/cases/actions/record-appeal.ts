/**
 * 行政复议 and 行政诉讼 about a case: filed (direct suit or after review), then decided — 维持, 纠正, 其他 — or
 * still 尚未审结 at the year's end. They feed section 四 of the annual report.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../../auth/roles.ts';
import { requirePermission } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { appealKinds, appeals, cases } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import type { CaseDeps } from '../transition.ts';

const fileSchema = z.object({ caseId: z.number().int(), kind: z.enum(appealKinds), filedOn: z.string() });

export async function recordAppeal(deps: CaseDeps, input: { user: SessionUser | null } & z.infer<typeof fileSchema>) {
  const a = fileSchema.parse(input);
  const filedOn = parseDate(a.filedOn, '立案日期');
  return deps.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, a.caseId));
    if (!c) throw new AppError('not_found', `申请 ${a.caseId} 不存在`);
    if (input.user) requirePermission(input.user, 'case.handle', c.agencyId);
    if (filedOn < c.receivedOn) throw new AppError('bad_input', '复议或诉讼的日期早于收到申请的日期');
    const [row] = await tx
      .insert(appeals)
      .values({ caseId: c.id, agencyId: c.agencyId, kind: a.kind, filedOn })
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user?.id ?? null,
      action: 'appeal.filed',
      entityType: 'case',
      entityId: c.id,
      agencyId: c.agencyId,
      data: { appealId: row.id, kind: a.kind, filedOn },
    });
    return row;
  });
}
