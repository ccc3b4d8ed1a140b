import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { databaseUpkeep } from '../jobs/database-upkeep.ts';
import { mergeGinPendingLists, upkeepOnPglite } from './statistics.ts';
import { createTestDb, type TestDb } from './testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // A GIN index as the catalog's search index is (fastupdate, the default): new entries wait in its pending list.
  // Autovacuum kept off it on a server, where it could merge the list between the test's steps.
  await t.db.execute(sql`create table upkeep_probe (v tsvector) with (autovacuum_enabled = false)`);
  await t.db.execute(sql`create index upkeep_probe_idx on upkeep_probe using gin (v)`);
});
afterAll(() => t.close());

const fill = () =>
  t.db.execute(sql`insert into upkeep_probe select to_tsvector('simple', '政府 信息 公开 第' || g || '号 ' || md5(g::text))
    from generate_series(1, 3000) g`);

describe('the database upkeep PGlite lacks (no autovacuum)', () => {
  it('merges a GIN index’s pending list into the index, so a search no longer reads it whole', async () => {
    await fill();
    const merged = await mergeGinPendingLists(t.db);
    expect(merged).toBeGreaterThan(10);
    // Nothing left to merge once merged: the count is of pages really moved, not of the index's size.
    expect(await mergeGinPendingLists(t.db)).toBe(0);
  });

  it('runs on PGlite as autovacuum would, and leaves a server to its autovacuum', async () => {
    await fill();
    const done = await upkeepOnPglite(t.db);
    const clock = fixedClock('2026-12-31T02:17:00+08:00');
    if (t.driver === 'pglite') {
      expect(done).toEqual({ analyzed: true, ginPagesMerged: expect.any(Number) });
      expect(done.ginPagesMerged).toBeGreaterThan(10);
      // The planner's statistics are there: ANALYZE counted the probe's rows.
      const stats = await t.db.execute<{ n: number }>(
        sql`select reltuples::int as n from pg_class where relname = 'upkeep_probe'`,
      );
      expect(Number(stats.rows[0].n)).toBe(6000);
      await fill();
      expect(await databaseUpkeep.run({ db: t.db, clock })).toEqual({ ginPagesMerged: expect.any(Number) });
    } else {
      expect(done).toEqual({ analyzed: false, ginPagesMerged: 0 });
      expect(await databaseUpkeep.run({ db: t.db, clock })).toEqual({ skipped: '由数据库服务器自动维护' });
    }
  });
});
