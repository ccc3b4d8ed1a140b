/**
 * Test databases on a PostgreSQL server: a template database is migrated once (whichever vitest worker comes
 * first, under an advisory lock); each call creates its own database from it (CREATE DATABASE … TEMPLATE …,
 * about 0.15 s) and drops it on close.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDb, migrationsHash, openDb } from './client.ts';
import type { TestDb } from './testing.ts';

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

export async function createServerDb(url: string): Promise<TestDb> {
  let template = templates.get(url);
  if (!template) {
    template = ensureServerTemplate(url);
    templates.set(url, template);
    template.catch(() => templates.delete(url));
  }
  const name = `gongkai_test_${nowSeconds()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${await template}`);
  } finally {
    await admin.end();
  }
  const address = withDatabase(url, name);
  const opened = await openDb({ url: address });
  return {
    db: opened.db,
    driver: 'postgres',
    url: address,
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
