/**
 * PGlite in a thread of its own (./pglite-thread.ts): through Drizzle it gives what PGlite in this thread gives
 * (rows, types, errors), its transactions commit, roll back and keep other queries out, notifications arrive,
 * and a closed or dead thread says so.
 */
import { PGlite } from '@electric-sql/pglite';
import { arrayOverlaps, eq, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForChanges } from './change-feed.ts';
import { type Db, type OpenDb, pgliteDb, pgliteThreadDb } from './client.ts';
import { sqlState, uniqueViolation } from './errors.ts';
import { openPgliteThread } from './pglite-thread.ts';

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });
const things = pgTable('things', {
  id: integer('id').primaryKey(),
  name: text('name').unique(),
  onDay: date('on_day'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }),
  doc: jsonb('doc'),
  tags: text('tags').array(),
  ok: boolean('ok'),
  big: bigint('big', { mode: 'bigint' }),
  amount: numeric('amount'),
  raw: bytea('raw'),
});

const SETUP = sql.raw(`create table things (id int primary key, name text unique, on_day date, at timestamptz,
  doc jsonb, tags text[], ok boolean, big bigint, amount numeric, raw bytea)`);
const ROW = {
  id: 1,
  name: '公开',
  onDay: '2026-12-31',
  at: '2026-12-04 08:00:00+00',
  doc: { a: [1, 2], 名: '县' },
  tags: ['甲', '乙'],
  ok: true,
  big: 9007199254740993n,
  amount: '12.50',
  raw: new Uint8Array([0, 1, 254, 255]),
};

let threaded: OpenDb;
let here: ReturnType<typeof pgliteDb>;
let db: Db;

beforeAll(async () => {
  threaded = await pgliteThreadDb({ dataDir: 'memory://', durable: false });
  here = pgliteDb(await PGlite.create());
  db = threaded.db;
  for (const each of [threaded.db, here.db]) {
    await each.execute(SETUP);
    await each.insert(things).values([ROW, { id: 2 }]);
  }
}, 120_000);
afterAll(async () => {
  await threaded?.close();
  await here?.close();
});

/** The error a promise fails with (the test fails if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

describe('PGlite in a thread of its own', () => {
  it('gives the rows and types PGlite gives in this thread, through Drizzle (both row modes)', async () => {
    const select = (d: Db) => d.select().from(things).orderBy(things.id);
    const raw = (d: Db) => d.execute(sql`select *, now()::date - on_day as days, interval '1 day' as span from things`);
    const [a, b] = await Promise.all([select(threaded.db), select(here.db)]);
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ onDay: '2026-12-31', big: 9007199254740993n, doc: { 名: '县' }, tags: ['甲', '乙'] });
    expect(a[0].raw).toEqual(ROW.raw);
    const [c, d] = await Promise.all([raw(threaded.db), raw(here.db)]);
    expect(c.rows).toEqual(d.rows);
    // Drizzle's parsers leave dates and timestamps as PostgreSQL's text; they are applied on this side.
    expect(c.rows[0]).toMatchObject({ on_day: '2026-12-31', span: '1 day' });
    expect(typeof (c.rows[0] as { at: unknown }).at).toBe('string');
  });

  it('passes parameters of every kind', async () => {
    const found = await db
      .select({ id: things.id })
      .from(things)
      .where(
        sql`${arrayOverlaps(things.tags, ['乙'])} and ${things.doc} @> ${JSON.stringify({ a: [2] })} and ${things.big} > ${1n} and ${things.raw} = ${Buffer.from([0, 1, 254, 255])} and ${things.onDay} <= ${'2027-01-01'}`,
      );
    expect(found).toEqual([{ id: 1 }]);
  });

  it('reports errors with their SQLSTATE and constraint, as PGlite does', async () => {
    const duplicate = await failure(db.insert(things).values({ id: 3, name: '公开' }));
    expect(uniqueViolation(duplicate)).toBe('things_name_key');
    const bad = await failure(db.execute(sql`select * from no_such_table`));
    expect(sqlState(bad)).toBe('42P01');
    expect(String((bad as { cause?: Error }).cause?.message)).toContain('no_such_table');
    // And the thread goes on.
    expect(await db.$count(things)).toBe(2);
  });

  it('commits a transaction, and rolls one back on an error, with its savepoints', async () => {
    await db.transaction(async (tx) => {
      await tx.insert(things).values({ id: 10, name: '十' });
      await tx
        .transaction(async (inner) => {
          await inner.insert(things).values({ id: 11, name: '十一' });
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
    });
    expect((await db.select({ id: things.id }).from(things).where(sql`id >= 10`)).map((r) => r.id)).toEqual([10]);
    const error = await failure(
      db.transaction(async (tx) => {
        await tx.insert(things).values({ id: 12, name: '十二' });
        await tx.insert(things).values({ id: 13, name: '十二' }); // the same name: refused
      }),
    );
    expect(uniqueViolation(error)).toBe('things_name_key');
    expect(await db.$count(things, sql`id >= 12`)).toBe(0);
    await db.delete(things).where(eq(things.id, 10));
  });

  it('keeps other queries out of an open transaction until it ends', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.insert(things).values({ id: 20, name: '二十' });
      outside = db.$count(things, sql`id = 20`).then((n) => order.push(`outside saw ${n}`));
      await new Promise((r) => setTimeout(r, 50));
      order.push('transaction ends');
    });
    await outside;
    expect(order).toEqual(['transaction ends', 'outside saw 1']);
    await db.delete(things).where(eq(things.id, 20));
  });

  it('delivers notifications to the change feed', async () => {
    const heard: unknown[] = [];
    const stop = await listenForChanges(db, (change) => heard.push(change));
    await db.execute(sql`select pg_notify('gongkai_changes', 'case:42')`);
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([{ entityType: 'case', entityId: '42' }]);
    await stop();
    await db.execute(sql`select pg_notify('gongkai_changes', 'case:43')`);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toHaveLength(1);
  });

  it('refuses what cannot cross to the thread, and a closed thread says so', async () => {
    const other = await pgliteThreadDb({ dataDir: 'memory://', durable: false });
    const client = (other.db as unknown as { $client: PGlite }).$client;
    await expect(client.query('select 1', [], { serializers: { 25: String } })).rejects.toThrow('不能跨线程');
    // A caller's own parser is applied here, to the text the thread sends.
    const parsed = await client.query<{ d: string }>(`select '2026-01-02'::date as d`, [], {
      parsers: { 1082: (value: string) => `日期 ${value}` },
    });
    expect(parsed.rows).toEqual([{ d: '日期 2026-01-02' }]);
    // Several statements by the simple protocol, one result each.
    const results = await client.exec(`select 1 as one; select '公开' as two`);
    expect(results.map((r) => r.rows)).toEqual([[{ one: 1 }], [{ two: '公开' }]]);
    await other.close();
    const closed = (await failure(other.db.execute(sql`select 1`))) as { cause?: Error };
    expect(closed.cause?.message).toMatch(/^数据库线程已退出/);
  });

  it('reports a thread that ended without being closed, and not one that was closed', async () => {
    const lost: Error[] = [];
    const crashed = await openPgliteThread({ dataDir: 'memory://', durable: false }, { onLost: (e) => lost.push(e) });
    await crashed.worker.terminate();
    expect(lost.map((e) => e.message)).toEqual([expect.stringMatching(/^数据库线程已退出/)]);
    await expect(crashed.client.query('select 1')).rejects.toThrow('数据库线程已退出');
    const closed = await openPgliteThread({ dataDir: 'memory://', durable: false }, { onLost: (e) => lost.push(e) });
    await closed.close();
    expect(lost).toHaveLength(1);
  });

  it('fails to open with the reason when the data directory cannot be opened, and that is no lost thread', async () => {
    const lost: Error[] = [];
    await expect(
      openPgliteThread({ dataDir: '/proc/no-such/dir', durable: false }, { onLost: (e) => lost.push(e) }),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 100));
    expect(lost).toEqual([]);
  });
});
