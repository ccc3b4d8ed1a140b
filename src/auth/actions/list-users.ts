/** The accounts, for the 用户管理 page and `gongkai user list`: never the password hash. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { users } from '../../db/schema/auth.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';

export async function listUsers(db: Db, actor: SessionUser) {
  requireAdmin(actor);
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      disabledAt: users.disabledAt,
      lockedUntil: users.lockedUntil,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(agencies.id), asc(users.username));
}
