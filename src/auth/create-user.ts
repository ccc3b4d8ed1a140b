import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { uniqueViolation } from '../db/errors.ts';
import { agencies } from '../db/schema/agencies.ts';
import { type Role, roles, type User, users } from '../db/schema/auth.ts';
import { AppError } from '../errors.ts';
import { hashPassword, passwordProblem } from './password.ts';

export interface CreateUserInput {
  actorId: number | null;
  username: string;
  displayName: string;
  agencyId: number;
  role: Role;
  password: string;
  /** A password given by an administrator: to be changed at the first sign-in. */
  mustChangePassword?: boolean;
}

/** Adds a console user with a hashed password; audited. */
export async function createUser(
  deps: { db: Db; clock: Clock },
  input: CreateUserInput,
): Promise<Omit<User, 'passwordHash'>> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username)) {
    throw new AppError('bad_input', '用户名只能由字母、数字、下划线、点、连字符组成（2—64位）', { field: 'username' });
  }
  if (!roles.includes(input.role)) throw new AppError('bad_input', `角色无效：${input.role}`, { field: 'role' });
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AppError('bad_input', problem, { field: 'password', fields: { password: problem } });
  const passwordHash = await hashPassword(input.password);
  const taken = () => {
    const message = `用户名已存在：${username}`;
    return new AppError('conflict', message, { field: 'username', fields: { username: message } });
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
      if (!agency) throw new AppError('not_found', `机关不存在：${input.agencyId}`);
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (existing) throw taken();
      const [user] = await tx
        .insert(users)
        .values({
          username,
          displayName: input.displayName.trim(),
          agencyId: input.agencyId,
          role: input.role,
          passwordHash,
          mustChangePassword: input.mustChangePassword ?? false,
        })
        .returning();
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.actorId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        agencyId: user.agencyId,
        data: { username, role: user.role },
      });
      const { passwordHash: _, ...rest } = user;
      return rest;
    });
  } catch (error) {
    // Two administrators adding the same name at once: the unique index decides.
    if (uniqueViolation(error) === 'users_username_unique') throw taken();
    throw error;
  }
}
