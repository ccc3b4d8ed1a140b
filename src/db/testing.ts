/**
 * Fresh, migrated databases for tests (files named *.db.test.ts): PGlite by default (./testing-pglite.ts), the
 * PostgreSQL server of DATABASE_URL when set (./testing-server.ts; the vitest "postgres" project sets it from
 * GONGKAI_TEST_PG).
 */
import { config } from '../config.ts';
import type { Db } from './client.ts';
import { createPgliteDb } from './testing-pglite.ts';
import { createServerDb } from './testing-server.ts';

export interface TestDb {
  db: Db;
  close(): Promise<void>;
  driver: 'pglite' | 'postgres';
  /** On PostgreSQL, the test database's address (for what opens its own connections: a second pool, pg-boss). */
  url?: string;
}

/**
 * A fresh database with every migration applied. Close it in afterAll/afterEach.
 *
 * @example
 * let t: TestDb;
 * beforeAll(async () => { t = await createTestDb(); });
 * afterAll(() => t.close());
 */
export async function createTestDb(): Promise<TestDb> {
  return config.databaseUrl ? createServerDb(config.databaseUrl) : createPgliteDb();
}

/**
 * Starts `n` calls of `fn` at once and waits for all; for tests of races (two clerks acting on one case).
 * On PostgreSQL each call can hold its own pooled connection; PGlite has one connection, so its
 * transactions run one after another — assert outcomes that hold either way.
 *
 * @example
 * const results = await race(2, () => extendDeadline({ db, clock }, input));
 * expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
 */
export async function race<T>(n: number, fn: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const runs = Array.from({ length: n }, (_, i) => gate.then(() => fn(i)));
  release();
  return Promise.allSettled(runs);
}
