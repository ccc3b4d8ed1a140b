/**
 * A user's role and agency changed by a 系统管理员 (调岗): what the user may do and on which agencies follows
 * from them (src/auth/roles.ts; a supervisor's scope is the agency's subtree). The last administrator keeps
 * the role. Audited with the old and new values ('user.role_changed').
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { roles, users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';
import { userForUpdate } from './user-by-id.ts';

export const changeUserRoleInput = z.object({
  agencyId: z.coerce.number().int().positive('请选择所属机关'),
  role: z.enum(roles, { message: '请选择角色' }),
});

export async function changeUserRole(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; userId: number; change: unknown },
): Promise<void> {
  requireAdmin(input.actor);
  const change = parseFields(changeUserRoleInput, input.change);
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.userId);
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, change.agencyId));
    if (!agency) throw new AppError('not_found', `机关不存在：${change.agencyId}`);
    if (user.role === 'admin' && change.role !== 'admin') {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), ne(users.id, user.id), isNull(users.disabledAt)));
      if (others.length === 0) throw new AppError('conflict', '这是唯一的系统管理员，不能取消其管理员角色');
    }
    await tx.update(users).set(change).where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'user.role_changed',
      entityType: 'user',
      entityId: user.id,
      agencyId: change.agencyId,
      data: { from: { role: user.role, agencyId: user.agencyId }, to: change },
    });
  });
}
