/**
 * A new installation without the demo (`gongkai serve` on an empty database) gets one 系统管理员, `admin`,
 * with a one-time password printed once to whoever started the server — never a password shared by every
 * installation. Without any agency yet, a root 人民政府 is made for it to belong to, which the administrator
 * renames in the console. Nothing happens when any user exists.
 */
import { asc, count } from 'drizzle-orm';
import { createAgency } from '../agencies/create-agency.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { users } from '../db/schema/auth.ts';
import { oneTimePassword } from './actions/one-time-password.ts';
import { createUser } from './create-user.ts';

export const FIRST_ADMIN = 'admin';

export async function ensureFirstAdmin(deps: {
  db: Db;
  clock: Clock;
}): Promise<{ username: string; password: string } | null> {
  const [{ n }] = await deps.db.select({ n: count() }).from(users);
  if (n > 0) return null;
  let [root] = await deps.db.select({ id: agencies.id }).from(agencies).orderBy(asc(agencies.id)).limit(1);
  root ??= await createAgency(deps, { actorId: null, parentId: null, name: '本级人民政府', kind: 'government' });
  const password = oneTimePassword();
  await createUser(deps, {
    actorId: null,
    username: FIRST_ADMIN,
    displayName: '系统管理员',
    agencyId: root.id,
    role: 'admin',
    password,
    mustChangePassword: true,
  });
  return { username: FIRST_ADMIN, password };
}
