/**
 * 绑定动态验证码, step two: the code the app shows proves the secret was scanned; from now on sign-in asks for a
 * code after the password. Audited ('user.totp_enabled').
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

const refuse = (message: string) => new AppError('bad_input', message, { fields: { code: message } });

export async function enableTotp(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; code: string }) {
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.actor.id);
    if (user.totpEnabledAt) throw new AppError('invalid_state', '已绑定动态验证码');
    if (!user.totpSecret) throw refuse('请先生成绑定二维码');
    const now = deps.clock.now();
    const step = await checkTotp({ secret: user.totpSecret, code: input.code ?? '', now, lastStep: null });
    if (step === null) throw refuse('动态验证码不正确：请输入验证器应用当前显示的6位数字，并确认手机时间准确');
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'user.totp_enabled',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
