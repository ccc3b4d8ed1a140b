/**
 * 解除动态验证码绑定 by the user, with a current code. An administrator cannot when the site requires the second
 * factor of administrators (production); a lost phone is handled by another administrator's 重置密码.
 * Audited ('user.totp_disabled').
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';
import { checkTotp } from '../totp.ts';
import { userForUpdate } from './user-by-id.ts';

export async function disableTotp(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; code: string; adminTotpRequired: boolean },
) {
  if (input.actor.role === 'admin' && input.adminTotpRequired) {
    throw new AppError('forbidden', '系统管理员须使用动态验证码，不能解除绑定');
  }
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.actor.id);
    if (!user.totpEnabledAt || !user.totpSecret) throw new AppError('invalid_state', '尚未绑定动态验证码');
    const now = deps.clock.now();
    const step = await checkTotp({ secret: user.totpSecret, code: input.code ?? '', now, lastStep: user.totpLastStep });
    if (step === null) {
      const message = '动态验证码不正确';
      throw new AppError('bad_input', message, { fields: { code: message } });
    }
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'user.totp_disabled',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
