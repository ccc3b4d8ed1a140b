/**
 * gongkai backup and restore on the backend under test: PGlite (a data directory) or, in the postgres project,
 * the server (pg_dump / pg_restore into fresh databases). Data written, backed up, restored into an empty
 * target: the same rows; a non-empty target refused without force.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config.ts';
import { backup, restore, type Target } from './backup.ts';
import { migrateDb, openDb } from './client.ts';
import { makeAgencyTree, makeUser } from './factories.ts';
import { agencies, auditEvents, users } from './schema/index.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
const created: string[] = [];
const serverUrl = config.databaseUrl;

async function newTarget(): Promise<Target> {
  if (!serverUrl) return { dataDir: join(work, `db-${created.push('x')}`) };
  const name = `gongkai_test_${Math.floor(Date.now() / 1000)}_bk${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  created.push(name);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString() };
}

const open = (t: Target) => openDb('url' in t ? { url: t.url } : { dataDir: t.dataDir });

async function snapshot(t: Target) {
  const { db, close } = await open(t);
  try {
    return {
      agencies: await db.select().from(agencies).orderBy(asc(agencies.id)),
      users: await db.select().from(users).orderBy(asc(users.id)),
      audit: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
    };
  } finally {
    await close();
  }
}

let source: Target;
beforeAll(async () => {
  source = await newTarget();
  const { db, close } = await open(source);
  await migrateDb(db);
  const tree = await makeAgencyTree(db);
  await makeUser(db, { agency: tree.education, role: 'staff' });
  await close();
}, 120_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of created.filter((n) => n.startsWith('gongkai_')))
      await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
});

describe(`backup and restore (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 120_000 }, () => {
  it('restores into an empty target the same rows', async () => {
    const file = join(work, 'one.backup');
    const result = await backup(source, file);
    expect(result.kind).toBe(serverUrl ? 'postgres' : 'pglite');
    const copy = await newTarget();
    await restore(copy, file);
    const [before, after] = [await snapshot(source), await snapshot(copy)];
    expect(before.agencies.length).toBeGreaterThan(3);
    expect(before.users).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('refuses to restore over a non-empty database without --force, and replaces it with', async () => {
    const file = join(work, 'two.backup');
    await backup(source, file);
    const other = await newTarget();
    const { db, close } = await open(other);
    await migrateDb(db);
    await makeAgencyTree(db);
    await db.delete(agencies);
    await close();
    await expect(restore(other, file)).rejects.toThrow('--force');
    await restore(other, file, { force: true });
    expect(await snapshot(other)).toEqual(await snapshot(source));
  });
});
