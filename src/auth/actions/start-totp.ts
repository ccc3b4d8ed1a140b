/**
 * 绑定动态验证码, step one: the signed-in user gets a new secret to scan into an authenticator app. Nothing is in
 * force until a code from the app is given back (enable-totp.ts); a second start replaces an unconfirmed secret.
 * Audited ('user.totp_started'; the secret is never logged).
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';
import { newTotpSecret, totpUri } from '../totp.ts';
import { userForUpdate } from './user-by-id.ts';

export async function startTotp(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; site: string }) {
  return deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.actor.id);
    if (user.totpEnabledAt) throw new AppError('invalid_state', '已绑定动态验证码；如需更换，请先解除绑定');
    const secret = newTotpSecret();
    await tx.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: user.id,
      action: 'user.totp_started',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
    return { secret, uri: totpUri({ site: input.site, username: user.username, secret }) };
  });
}
