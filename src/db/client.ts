/**
 * The database: embedded PGlite (data in config.dataDir) or a PostgreSQL server (config.databaseUrl),
 * behind one Drizzle type. Code takes a `Db` (or a `Tx` inside a transaction) and never knows which.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { stopFeedsOf } from './change-feed.ts';
import { acquireLock, DataDirBusy, type LockInfo, lockHolder } from './data-dir-lock.ts';
import { makeDurable } from './durable.ts';
import { keepStatements } from './pglite-prepared.ts';
import { SOCKET_PORT } from './pglite-socket.ts';
import { openPgliteThread, type ThreadEvents } from './pglite-thread.ts';
import type { ThreadOptions } from './pglite-thread-messages.ts';
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
  /** The PGlite instance when this process opened the data directory itself on this thread. */
  pglite?: PGlite;
  /** The pid of the running `gongkai serve` whose PGlite this reaches through its socket. */
  viaServer?: number;
}

export interface OpenDbOptions {
  url?: string;
  dataDir?: string;
  /**
   * The command opening it: 'serve' lends its PGlite to other commands on a Unix socket and refuses a data
   * directory another process holds; any other command reaches a serving process's PGlite through that socket.
   */
  command?: string;
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
export async function openDb(opts: OpenDbOptions = {}): Promise<OpenDb> {
  const url = opts.url ?? (opts.dataDir ? undefined : config.databaseUrl);
  if (url) return serverDb({ connectionString: url, max: 10 });
  const dataDir = opts.dataDir ?? config.dataDir;
  if (dataDir.includes('://')) return { ...pgliteDb(await PGlite.create(dataDir)), driver: 'pglite' };
  mkdirSync(dataDir, { recursive: true });
  const command = opts.command ?? 'cli';
  const holder = lockHolder(dataDir);
  if (holder && command !== 'serve' && holder.socketDir) return throughServer(holder);
  if (holder) throw new DataDirBusy(dataDir, holder);
  // One process opens the files (./data-dir-lock.ts); a server lends them to the others on its socket.
  const lock = acquireLock(dataDir, command);
  if (command === 'serve') return servingDb(dataDir, lock);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(dataDir);
    // Commits on the disk, not only in the OS's cache (./durable.ts).
    makeDurable(client, dataDir);
    const opened = client;
    return {
      db: pgliteDb(opened).db,
      driver: 'pglite',
      pglite: opened,
      close: async () => {
        await opened.close();
        lock.release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    lock.release();
    throw error;
  }
}

/**
 * The serving process's PGlite: opened in a thread of its own (./pglite-thread.ts), durable, and lent to other
 * commands on its socket.
 */
async function servingDb(dataDir: string, lock: ReturnType<typeof acquireLock>): Promise<OpenDb> {
  try {
    const opened = await pgliteThreadDb(
      { dataDir, durable: true, socketDir: socketDirFor(dataDir) },
      {
        // A server without its database serves only errors and holds the lock: it ends, to be started again.
        onLost: (error) => {
          process.stderr.write(`gongkai: ${error.message}，进程退出\n`);
          process.exit(1);
        },
      },
    );
    lock.update({ socketDir: opened.socketDir });
    return {
      ...opened,
      close: async () => {
        await opened.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function serverDb(options: pg.PoolConfig): OpenDb {
  const pool = new pg.Pool(options);
  // An idle connection the server closed (restart, failover) must not crash the process; the next query
  // opens a new one.
  pool.on('error', (error) => process.stderr.write(`gongkai: 数据库连接断开：${error.message}\n`));
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    driver: 'postgres',
    // The change feeds' own connections first (./change-feed.ts), then the pool.
    close: async () => {
      await stopFeedsOf(pool);
      await pool.end();
    },
  };
}

/** The running server's PGlite, through its Unix socket (./pglite-socket.ts). */
function throughServer(holder: LockInfo): OpenDb {
  const opened = serverDb({
    host: holder.socketDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 4,
  });
  return { ...opened, driver: 'pglite', viaServer: holder.pid };
}

/** A short directory for the server's socket (a Unix socket path is limited to about 100 bytes). */
function socketDirFor(dataDir: string): string {
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12);
  return join(tmpdir(), `gongkai-${key}`);
}

/**
 * Which driver a `Db` from openDb() runs on, told by its client (a node-postgres pool means a server). A `Tx`
 * answers 'pglite', and so does no Db at all (a site built for its static pages in a test).
 */
export function driverOf(db: Executor): Driver {
  return (db as { $client?: unknown } | undefined)?.$client instanceof pg.Pool ? 'postgres' : 'pglite';
}

/**
 * A `Db` over an open PGlite instance; closing closes the instance. Its reads are kept as named statements,
 * parsed and planned once (./pglite-prepared.ts).
 */
export function pgliteDb(client: PGlite): Omit<OpenDb, 'driver'> {
  keepStatements(client);
  return { db: drizzlePglite(client, { schema }) as unknown as Db, close: () => client.close() };
}

/** A `Db` over PGlite opened in a thread of its own (./pglite-thread.ts); closing ends the thread. */
export async function pgliteThreadDb(
  options: ThreadOptions,
  events?: ThreadEvents,
): Promise<OpenDb & { socketDir?: string }> {
  const thread = await openPgliteThread(options, events);
  return {
    db: drizzlePglite(thread.client, { schema }) as unknown as Db,
    driver: 'pglite',
    socketDir: thread.socketDir,
    close: () => thread.close(),
  };
}

/**
 * Applies the committed migrations in drizzle/. Both drivers share drizzle-orm's migrator (it records what it
 * applied in drizzle.__drizzle_migrations), so running it again is a no-op.
 */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
}
