/**
 * The portal reading from a real streaming replica (issue #18): a primary and its standby (pg_basebackup -R)
 * made for this test as two PostgreSQL clusters of this machine's binaries under a temp directory, on free
 * ports, stopped and removed after. With the standby's replay paused, a page visitors ask for shows what the
 * standby holds (the read went there), while what is not a public page reads the primary; once a change is
 * announced, the portal reads the primary until the standby has replayed it.
 *
 * On the server only (the tests of the server project); skipped, saying why, where the PostgreSQL binaries
 * are missing or cannot be run.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIndexNo } from '../catalog/index-number.ts';
import { itemSearchText } from '../catalog/item-fields.ts';
import { searchCatalog } from '../catalog/search.ts';
import { insertPublishedItem, makeCatalogWorld } from '../catalog/testing.ts';
import { fixedClock } from '../clock.ts';
import { config } from '../config.ts';
import { freePort } from '../testing/nginx.ts';
import { createSite } from '../web/site.ts';
import { recordAudit } from './audit.ts';
import { migrateDb, type OpenDb, openDb } from './client.ts';
import { type RoutedDb, routedDb } from './replica.ts';
import { catalogItems } from './schema/catalog.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(join(d, 'pg_basebackup')));
const runs = Boolean(config.databaseUrl && bin);
if (config.databaseUrl && !bin) console.warn('replica test skipped: no PostgreSQL binaries under /usr/lib/postgresql');

let dir: string;
let primary: OpenDb;
let standby: OpenDb;
let routed: RoutedDb;
const started: string[] = [];

/** Runs a PostgreSQL program as the postgres user when we are root (the server refuses to run as root). */
function pg(program: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, rest] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin!, program), ...args]]
    : [join(bin!, program), args];
  return execFileSync(cmd, rest, { stdio: 'pipe', timeout: 120_000 }).toString();
}

async function startCluster(data: string): Promise<number> {
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB`;
  pg('pg_ctl', ['-D', data, '-o', options, '-l', `${data}.log`, '-w', 'start']);
  started.push(data);
  return port;
}

beforeAll(async () => {
  if (!runs) return;
  dir = mkdtempSync(join(tmpdir(), 'gongkai-replica-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  pg('initdb', ['-D', join(dir, 'primary'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const primaryPort = await startCluster(join(dir, 'primary'));
  // The standby: a base backup of the primary that follows it (-R writes primary_conninfo and standby.signal).
  const standbyData = join(dir, 'standby');
  pg('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    `${primaryPort}`,
    '-U',
    'postgres',
    '-D',
    standbyData,
    '-R',
    '-X',
    'stream',
  ]);
  const standbyPort = await startCluster(standbyData);
  primary = await openDb({ url: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
  standby = await openDb({ url: `postgres://postgres@127.0.0.1:${standbyPort}/postgres` });
  await migrateDb(primary.db);
  routed = await routedDb(primary.db, standby.db);
}, 180_000);

afterAll(async () => {
  await standby?.close();
  await primary?.close();
  for (const data of started.reverse()) {
    try {
      pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {}
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Polls `check` until it holds (at most 30 s): the standby replays soon, not at once. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const since = Date.now();
  while (!(await check())) {
    if (Date.now() - since > 30_000) throw new Error('not seen within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const titleOn = async (db: OpenDb['db'], id: number) =>
  (await db.select({ title: catalogItems.title }).from(catalogItems).where(eq(catalogItems.id, id)))[0]?.title;

describe.runIf(runs)('the portal on a streaming replica', () => {
  it('public pages read the standby, other reads the primary; after an announced change, the primary until replayed', async () => {
    const world = await makeCatalogWorld(primary.db);
    const item = await insertPublishedItem(primary.db, world.bureau);
    await eventually(async () => (await titleOn(standby.db, item.id)) === '关于冬季供暖安排的通知');
    expect((await standby.db.execute<{ r: boolean }>(sql`select pg_is_in_recovery() as r`)).rows[0].r).toBe(true);

    // The standby stops replaying; a change nobody announced reaches the primary only.
    await standby.db.execute(sql`select pg_wal_replay_pause()`);
    await primary.db.update(catalogItems).set({ title: '（未同步的标题）' }).where(eq(catalogItems.id, item.id));
    const site = createSite({ db: routed.db, readReplica: routed, clock, secret: 's', log: () => {} });
    // A visitor's public page was read from the standby; the same query outside a public page, from the primary.
    expect(await (await site.request(`/catalog/${item.id}`)).text()).toContain('关于冬季供暖安排的通知');
    expect(await routed.onReplica(() => titleOn(routed.db, item.id))).toBe('关于冬季供暖安排的通知');
    expect(await titleOn(routed.db, item.id)).toBe('（未同步的标题）');
    // Writes go to the primary even inside a public page's scope (the standby would refuse them).
    await routed.onReplica(() =>
      routed.db.transaction((tx) =>
        recordAudit(tx, {
          at: clock.now(),
          actorId: null,
          action: 'catalog.updated',
          entityType: 'catalog_item',
          entityId: item.id,
        }),
      ),
    );
    // Announced: the standby has not replayed it, so the portal reads the primary.
    await eventually(async () => !routed.replicaInUse());
    expect(await (await site.request(`/catalog/${item.id}`)).text()).toContain('（未同步的标题）');
    expect(await routed.onReplica(() => titleOn(routed.db, item.id))).toBe('（未同步的标题）');

    // Replaying again, the standby catches up and takes the public reads back.
    await standby.db.execute(sql`select pg_wal_replay_resume()`);
    await eventually(async () => routed.replicaInUse());
    expect(await titleOn(standby.db, item.id)).toBe('（未同步的标题）');
  });

  it('a read-only transaction reads the standby inside a public page, as does a sparse search', async () => {
    const { bureau } = await makeCatalogWorld(primary.db);
    await eventually(async () => routed.replicaInUse());
    const item = (n: number, title: string) => ({
      indexNo: formatIndexNo(bureau.creditCode!, 2026, n),
      agencyId: bureau.id,
      title,
      searchText: itemSearchText({ title, docNo: null, body: '' }),
      publishedOn: '2026-11-20',
      category: '20.1',
      state: 'published',
    });
    // More items than the window below holds, so a rare word is found by the index (rareMatches, withFixedPlan).
    await primary.db.insert(catalogItems).values([1, 2, 3, 4].map((n) => item(n, `关于第${n}批校舍维修的通知`)));
    const countOf = (db: OpenDb['db']) =>
      db.$count(catalogItems, eq(catalogItems.agencyId, bureau.id)).then((n) => Number(n));
    await eventually(async () => (await countOf(standby.db)) === 4);

    await standby.db.execute(sql`select pg_wal_replay_pause()`);
    try {
      // Unannounced, on the primary only: an item with a word no other item has.
      await primary.db.insert(catalogItems).values(item(5, '关于抗震加固工程验收的通知'));
      const inside = <T>(fn: () => Promise<T>) => routed.onReplica(fn);
      expect(await inside(() => routed.db.transaction((tx) => countOf(tx as never), { accessMode: 'read only' }))).toBe(
        4,
      );
      // A transaction that may write reads (and writes) the primary, inside a public page's scope too.
      expect(await inside(() => routed.db.transaction((tx) => countOf(tx as never)))).toBe(5);
      const search = () =>
        searchCatalog(
          routed.db,
          { q: '抗震', today: '2026-11-23', countTotal: true, published: 20 },
          { walk: 10, candidates: 2, rare: 10 },
        );
      expect((await search()).total).toBe(1);
      const onStandby = await inside(search);
      expect(onStandby.hits).toEqual([]);
      expect(onStandby.total).toBe(0);
    } finally {
      await standby.db.execute(sql`select pg_wal_replay_resume()`);
    }
  });
});
