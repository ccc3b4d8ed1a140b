/**
 * For the administration commands (`gongkai user`, `gongkai agency`): open the database, migrate it, act as the
 * administrator named by `--as` (the audit log records them), close it.
 */
import { eq } from 'drizzle-orm';
import { loadUser } from '../auth/users.ts';
import { type Db, migrateDb, openDb } from '../db/client.ts';
import { users } from '../db/schema/auth.ts';
import { CliError } from './run.ts';

export async function withDb<T>(command: string, run: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openDb({ command });
  try {
    await migrateDb(db);
    return await run(db);
  } finally {
    await close();
  }
}

export async function idOf(db: Db, username: string): Promise<number> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new CliError(`用户不存在：${username}`);
  return row.id;
}

export const asAdmin = async (db: Db, username: string) => loadUser(db, await idOf(db, username));

export const AS_ADMIN_OPTION = ['--as <admin>', '以哪位系统管理员的名义操作（记入操作日志）', 'admin'] as const;
