/** 动态验证码 of the signed-in user as the account page shows it: bound, being bound (the secret to scan), or not. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import type { SessionUser } from '../roles.ts';
import { totpUri } from '../totp.ts';

export type TotpStatus =
  | { state: 'enabled'; since: Date }
  | { state: 'pending'; secret: string; uri: string }
  | { state: 'none' };

export async function totpStatus(db: Db, input: { actor: SessionUser; site: string }): Promise<TotpStatus> {
  const [row] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, username: users.username })
    .from(users)
    .where(eq(users.id, input.actor.id));
  if (row?.enabledAt) return { state: 'enabled', since: row.enabledAt };
  if (row?.secret) {
    return {
      state: 'pending',
      secret: row.secret,
      uri: totpUri({ site: input.site, username: row.username, secret: row.secret }),
    };
  }
  return { state: 'none' };
}
