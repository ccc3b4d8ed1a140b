/**
 * The database: embedded PGlite (data in config.dataDir) or a PostgreSQL server (config.databaseUrl),
 * behind one Drizzle type. Code takes a `Db` (or a `Tx` inside a transaction) and never knows which.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { config } from '../config.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A Drizzle database over the full schema, on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either: functions that only read or write take `Db | Tx` as `Executor`. */
export type Executor = Db | Tx;

export type Driver = 'pglite' | 'postgres';

export interface OpenDb {
  db: Db;
  close(): Promise<void>;
  driver: Driver;
}

/** The committed migrations (drizzle/ at the package root). */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

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
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, driver: 'postgres', close: () => pool.end() };
  }
  const dataDir = opts.dataDir ?? config.dataDir;
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dataDir);
  return { ...wrapPglite(client), driver: 'pglite' };
}

/** A Drizzle `Db` over an open PGlite instance (testing.ts clones one per test). */
export async function pgliteDb(client: import('@electric-sql/pglite').PGlite): Promise<Omit<OpenDb, 'driver'>> {
  return wrapPglite(client);
}

function wrapPglite(client: import('@electric-sql/pglite').PGlite): Omit<OpenDb, 'driver'> {
  // Loaded eagerly by openDb's dynamic import of PGlite; the driver module itself is small.
  return { db: drizzlePglite(client), close: () => client.close() };
}

import { drizzle as drizzlePgliteDriver } from 'drizzle-orm/pglite';

function drizzlePglite(client: import('@electric-sql/pglite').PGlite): Db {
  return drizzlePgliteDriver(client, { schema }) as unknown as Db;
}

/**
 * Applies the committed migrations in drizzle/ (both drivers share drizzle-orm's migrator, which records what
 * it applied in drizzle.__drizzle_migrations). Safe to run again.
 */
export async function migrateDb(db: Db): Promise<void> {
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
}
