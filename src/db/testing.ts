/**
 * Fresh, migrated databases for tests (files named *.db.test.ts).
 *
 * PGlite (default): the migrations run once into a template whose data directory is cached on disk
 * (node_modules/.cache/gongkai/, keyed by a hash of drizzle/), so every call only loads that dump into a new
 * in-memory instance. PostgreSQL (DATABASE_URL, set by the vitest "postgres" project from GONGKAI_TEST_PG):
 * a template database is migrated once under an advisory lock, and every call creates its own database
 * from it (CREATE DATABASE … TEMPLATE …), dropped again on close.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { config } from '../config.ts';
import { type Db, migrateDb, migrationsFolder, openDb, pgliteDb } from './client.ts';

export interface TestDb {
  db: Db;
  close(): Promise<void>;
  driver: 'pglite' | 'postgres';
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

/** A hash of the committed migrations: a changed migration makes a new template. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

// --- PGlite -----------------------------------------------------------------------------------------------

const cacheDir = join(migrationsFolder, '..', 'node_modules', '.cache', 'gongkai');
let pgliteTemplate: Promise<Blob> | undefined;

/** PGlite's version: a new PGlite may not read an old dump. */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function buildPgliteTemplate(): Promise<Blob> {
  const file = join(cacheDir, `pglite-${pgliteVersion()}-template-${migrationsHash()}.tar.gz`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not cached yet: migrate once and keep the dump. Workers racing here each write a complete file and
    // rename it into place, so a reader never sees half a dump.
    const client = await PGlite.create();
    await migrateDb(pgliteDb(client).db);
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  }
}

async function createPgliteDb(): Promise<TestDb> {
  pgliteTemplate ??= buildPgliteTemplate();
  const client = await PGlite.create({ loadDataDir: await pgliteTemplate, relaxedDurability: true });
  return { ...pgliteDb(client), driver: 'pglite' };
}

// --- PostgreSQL server ------------------------------------------------------------------------------------

const templates = new Map<string, Promise<string>>();

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const HOUR = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Drops what earlier runs left on the server: templates of older migrations (kept an hour, in case a run that
 * still uses one is going on) and test databases of crashed runs (after six hours). Names carry their time.
 */
async function dropLeftovers(admin: pg.Client, keep: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname ~ '^gongkai_(tpl|test)_[0-9]+_'`,
  );
  for (const { datname } of rows) {
    const born = Number(/^gongkai_(?:tpl|test)_(\d+)_/.exec(datname)?.[1]);
    const age = nowSeconds() - born;
    const stale = datname.startsWith('gongkai_tpl_') ? datname !== keep && age > HOUR : age > 6 * HOUR;
    if (stale) await admin.query(`drop database if exists ${datname}`).catch(() => {});
  }
}

/** Creates the migrated template database once per server, whichever worker comes first. */
async function ensureServerTemplate(url: string): Promise<string> {
  const hash = migrationsHash();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`select pg_advisory_lock(hashtext('gongkai_test_template'))`);
    const found = await admin.query<{ datname: string }>(`select datname from pg_database where datname ~ $1`, [
      `^gongkai_tpl_[0-9]+_${hash}$`,
    ]);
    if (found.rows[0]) return found.rows[0].datname;
    const name = `gongkai_tpl_${nowSeconds()}_${hash}`;
    // Build under another name and rename, so a worker that crashed half-way never leaves a bad template.
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const built = await openDb({ url: withDatabase(url, building) });
    try {
      await migrateDb(built.db);
    } finally {
      await built.close();
    }
    await admin.query(`alter database ${building} rename to ${name}`);
    await dropLeftovers(admin, name);
    return name;
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('gongkai_test_template'))`).catch(() => {});
    await admin.end();
  }
}

async function createServerDb(url: string): Promise<TestDb> {
  let template = templates.get(url);
  if (!template) {
    template = ensureServerTemplate(url);
    templates.set(url, template);
  }
  const name = `gongkai_test_${nowSeconds()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${await template}`);
  } finally {
    await admin.end();
  }
  const opened = await openDb({ url: withDatabase(url, name) });
  return {
    db: opened.db,
    driver: 'postgres',
    async close() {
      await opened.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

// --- Concurrency ------------------------------------------------------------------------------------------

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
