/**
 * The database: embedded PGlite (data in config.dataDir) or a PostgreSQL server (config.databaseUrl),
 * behind one Drizzle type. Code takes a `Db` (or a `Tx` inside a transaction) and never knows which.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Assume, ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { config } from '../config.ts';
import { makeDurable } from './durable.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/**
 * What `db.execute(sql…)` returns on both drivers: node-postgres' QueryResult and PGlite's Results share
 * `rows` (and little else — read `rows.length`, not `rowCount`).
 */
export interface ExecuteResult<Row> {
  rows: Row[];
}
export interface QueryResultHKT extends PgQueryResultHKT {
  type: ExecuteResult<Assume<this['row'], Record<string, unknown>>>;
}
/** A Drizzle database over the full schema, on either driver. */
export type Db = PgDatabase<QueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = PgTransaction<QueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either one: a function that only reads or writes, and may run inside a caller's transaction, takes this. */
export type Executor = Db | Tx;

export type Driver = 'pglite' | 'postgres';

export interface OpenDb {
  db: Db;
  close(): Promise<void>;
  driver: Driver;
}

/** The committed migrations (drizzle/ at the package root). */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A hash of the committed migrations: a changed migration makes a new template. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Opens the database: a PostgreSQL server when `opts.url` or DATABASE_URL is set, else PGlite with its files in
 * `opts.dataDir` (default config.dataDir, ./data; 'memory://' for a throwaway one).
 *
 * @example
 * const { db, close } = await openDb();
 * await migrateDb(db);
 */
export async function openDb(opts: { url?: string; dataDir?: string } = {}): Promise<OpenDb> {
  const url = opts.url ?? (opts.dataDir ? undefined : config.databaseUrl);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server closed (restart, failover) must not crash the process; the next query
    // opens a new one.
    pool.on('error', (error) => process.stderr.write(`gongkai: 数据库连接断开：${error.message}\n`));
    return { db: drizzlePg(pool, { schema }) as unknown as Db, driver: 'postgres', close: () => pool.end() };
  }
  const dataDir = opts.dataDir ?? config.dataDir;
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  // Commits on the disk, not only in the OS's cache (./durable.ts); a throwaway memory:// database has none.
  if (!dataDir.includes('://')) makeDurable(client, dataDir);
  return { ...pgliteDb(client), driver: 'pglite' };
}

/** A `Db` over an open PGlite instance; closing closes the instance. */
export function pgliteDb(client: PGlite): Omit<OpenDb, 'driver'> {
  return { db: drizzlePglite(client, { schema }) as unknown as Db, close: () => client.close() };
}

/**
 * Applies the committed migrations in drizzle/. Both drivers share drizzle-orm's migrator (it records what it
 * applied in drizzle.__drizzle_migrations), so running it again is a no-op.
 */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
}
