/** 解除锁定: a 系统管理员 lifts a sign-in lockout before it ends (src/auth/lockout.ts). Audited. */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';
import { userForUpdate } from './user-by-id.ts';

export async function unlockUser(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; userId: number }) {
  requireAdmin(input.actor);
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.userId);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'user.unlocked',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
