/**
 * 停用 / 启用 an account (a 系统管理员's action; no one disables their own). A disabled account signs in no
 * more and its sessions end at once; its records and history stay. Audited ('user.disabled' / 'user.enabled').
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';
import { userForUpdate } from './user-by-id.ts';

export async function setUserDisabled(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; userId: number; disabled: boolean },
): Promise<void> {
  requireAdmin(input.actor);
  if (input.disabled && input.userId === input.actor.id) throw new AppError('conflict', '不能停用自己的账户');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.userId);
    if (Boolean(user.disabledAt) === input.disabled) return;
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? now : null })
      .where(eq(users.id, user.id));
    if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
