/**
 * Small factories for test data: rows written straight to the tables (no audit), each call making only what a
 * test names. Actions under test still go through their own code.
 */
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.ts';
import type { SessionUser } from '../auth/roles.ts';
import { toSessionUser } from '../auth/users.ts';
import type { Executor } from './client.ts';
import { type Agency, type AgencyKind, agencies } from './schema/agencies.ts';
import { type Role, type User, users } from './schema/auth.ts';

let seq = 0;

/** An agency under `parent` (or a root government). */
export async function makeAgency(
  db: Executor,
  opts: { parent?: Agency | null; name?: string; kind?: AgencyKind; creditCode?: string | null } = {},
): Promise<Agency> {
  const kind = opts.kind ?? (opts.parent ? 'department' : 'government');
  const next = await db.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence('agencies', 'id'))::int as id`,
  );
  const id = next.rows[0].id;
  const [agency] = await db
    .insert(agencies)
    .values({
      id,
      parentId: opts.parent?.id ?? null,
      name: opts.name ?? `机关${++seq}`,
      kind,
      creditCode: opts.creditCode ?? null,
      path: `${opts.parent?.path ?? '/'}${id}/`,
    })
    .returning();
  return agency;
}

/**
 * A county and its parts:
 * county (某县人民政府) → education (县教育局) → educationOffice (办公室); county → town (某镇人民政府);
 * and a second, unrelated county (other).
 */
export async function makeAgencyTree(db: Executor) {
  const county = await makeAgency(db, { name: '某县人民政府', kind: 'government' });
  const education = await makeAgency(db, { parent: county, name: '某县教育局', kind: 'department' });
  const educationOffice = await makeAgency(db, { parent: education, name: '某县教育局办公室', kind: 'office' });
  const town = await makeAgency(db, { parent: county, name: '某镇人民政府', kind: 'town' });
  const other = await makeAgency(db, { name: '另一县人民政府', kind: 'government' });
  return { county, education, educationOffice, town, other };
}

export const TEST_PASSWORD = 'Correct-horse-9';
let testPasswordHash: Promise<string> | undefined;

/** A user (password TEST_PASSWORD, hashed once per process) and the SessionUser actions take. */
export async function makeUser(
  db: Executor,
  opts: { agency: Agency; role?: Role; username?: string; displayName?: string },
): Promise<{ row: User; user: SessionUser }> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const n = ++seq;
  const [row] = await db
    .insert(users)
    .values({
      username: opts.username ?? `user${n}_${process.pid}`,
      displayName: opts.displayName ?? `用户${n}`,
      agencyId: opts.agency.id,
      role: opts.role ?? 'staff',
      passwordHash: await testPasswordHash,
    })
    .returning();
  return { row, user: await toSessionUser(db, row) };
}

/** Disables a user (login and sessions refused). */
export async function disableUser(db: Executor, userId: number, at = new Date()): Promise<void> {
  await db.update(users).set({ disabledAt: at }).where(eq(users.id, userId));
}
