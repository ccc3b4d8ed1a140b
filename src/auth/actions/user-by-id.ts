import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type User, users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';

/** The user row, locked for the change in hand; not found is a clear error. */
export async function userForUpdate(tx: Executor, id: number): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!user) throw new AppError('not_found', `用户不存在：${id}`);
  return user;
}
