import { eq } from 'drizzle-orm';
import { subtreeIds } from '../agencies/tree.ts';
import type { Executor } from '../db/client.ts';
import { type User, users } from '../db/schema/auth.ts';
import { AppError } from '../errors.ts';
import type { SessionUser } from './roles.ts';

/** The scope a user's role gives: own agency; a supervisor's subtree; everything for an admin. */
export async function scopeOf(db: Executor, user: Pick<User, 'role' | 'agencyId'>): Promise<SessionUser['scope']> {
  if (user.role === 'admin') return 'all';
  if (user.role === 'supervisor') return subtreeIds(db, user.agencyId);
  return [user.agencyId];
}

export async function toSessionUser(db: Executor, user: User): Promise<SessionUser> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    role: user.role,
    scope: await scopeOf(db, user),
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    ...(user.totpEnabledAt ? { totpEnabled: true } : {}),
  };
}

/** A user as actions see it, by id (CLI commands, jobs, tests). */
export async function loadUser(db: Executor, id: number): Promise<SessionUser> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new AppError('not_found', `用户不存在：${id}`);
  return toSessionUser(db, user);
}
