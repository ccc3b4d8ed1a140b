/**
 * 重置密码 by a 系统管理员: a new one-time password (shown once), to be changed at the next sign-in; the
 * lockout lifted, the 动态验证码 unbound (a lost phone is the usual reason: the user binds one again) and every
 * session of the user ended. Audited ('user.password_reset').
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/auth.ts';
import { hashPassword } from '../password.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';
import { oneTimePassword } from './one-time-password.ts';
import { userForUpdate } from './user-by-id.ts';

export async function resetPassword(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; userId: number }) {
  requireAdmin(input.actor);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.userId);
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      data: { totpCleared: user.totpEnabledAt !== null },
    });
  });
  return { oneTimePassword: password };
}
