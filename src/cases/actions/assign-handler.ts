/**
 * 承办人: staff handling an agency's cases name who handles each case (one or many at once, from the register).
 * The handler must be an active member of the case's agency whose role handles cases; none (null) clears it.
 * The case's state, due date and version are left as they are (assigning is not a step of the procedure, and a
 * form open on the case stays valid); each case's change is audited with the handler before and after, all
 * cases in one transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ROLE_PERMISSIONS, requirePermission, type SessionUser } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { users } from '../../db/schema/auth.ts';
import { cases } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import type { CaseDeps } from '../transition.ts';

export const assignHandlerSchema = z.object({
  caseIds: z.array(z.coerce.number().int().positive()).min(1, '请选择申请').max(500, '一次最多指定500件'),
  handlerId: z.coerce.number().int().positive().nullable(),
});

/** The members of `agencyIds` who may be named 承办人 (active, with a role that handles cases). */
export async function handlerCandidates(db: CaseDeps['db'], agencyIds: 'all' | readonly number[]) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, agencyId: users.agencyId, role: users.role })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        agencyIds === 'all' ? undefined : inArray(users.agencyId, agencyIds.length ? [...agencyIds] : [-1]),
      ),
    )
    .orderBy(users.agencyId, users.displayName)
    .limit(1000);
  return rows.filter((u) => ROLE_PERMISSIONS[u.role].has('case.handle') && u.role !== 'admin');
}

export async function assignHandler(
  deps: CaseDeps,
  input: { user: SessionUser } & z.input<typeof assignHandlerSchema>,
): Promise<number> {
  const parsed = assignHandlerSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_input', parsed.error.issues[0].message);
  const { caseIds, handlerId } = parsed.data;
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: cases.id, agencyId: cases.agencyId, handlerId: cases.handlerId })
      .from(cases)
      .where(inArray(cases.id, caseIds))
      .for('update');
    if (rows.length !== new Set(caseIds).size) throw new AppError('not_found', '所选申请有的不存在');
    for (const c of rows) requirePermission(input.user, 'case.handle', c.agencyId);
    if (handlerId !== null) {
      const [h] = await tx.select().from(users).where(eq(users.id, handlerId));
      const ok = h && !h.disabledAt && ROLE_PERMISSIONS[h.role].has('case.handle') && h.role !== 'admin';
      if (!ok) throw new AppError('bad_input', '承办人应为办理依申请公开的在职工作人员');
      const other = rows.find((c) => c.agencyId !== h.agencyId);
      if (other) throw new AppError('bad_input', `承办人${h.displayName}不属于申请 ${other.id} 的受理机关`);
    }
    for (const c of rows) {
      if (c.handlerId === handlerId) continue;
      await tx.update(cases).set({ handlerId, updatedAt: deps.clock.now() }).where(eq(cases.id, c.id));
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.user.id,
        action: 'case.handler_assigned',
        entityType: 'case',
        entityId: c.id,
        agencyId: c.agencyId,
        data: { from: c.handlerId, to: handlerId },
      });
    }
    return rows.length;
  });
}
