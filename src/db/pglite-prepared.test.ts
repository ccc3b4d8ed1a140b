/**
 * PGlite's reads kept as named statements (./pglite-prepared.ts): the same rows and the same errors as
 * PGlite's own query(), a plan kept after five runs, and a statement lost behind its back run again.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDb } from './client.ts';
import { keepStatements } from './pglite-prepared.ts';

let kept: PGlite;
let plain: PGlite;

beforeAll(async () => {
  [kept, plain] = await Promise.all([PGlite.create(), PGlite.create()]);
  keepStatements(kept, 16);
  for (const c of [kept, plain])
    await c.exec(`create table t (id int primary key, name text, on_day date, at timestamptz, doc jsonb,
      tags text[], ok boolean, big bigint);
      insert into t values (1, '公开', '2026-12-31', '2026-12-04T08:00:00Z', '{"a":[1,2]}', '{甲,乙}', true, 9007199254740993),
        (2, null, null, null, null, null, null, null)`);
}, 60_000);
afterAll(async () => {
  await kept?.close();
  await plain?.close();
});

/** The error a query fails with (the test fails if it succeeds). */
async function failure(query: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await query;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the query did not fail');
}

/** The kept statements, read by the simple protocol (not itself kept). */
const statementsOf = async (c: PGlite) =>
  (
    await c.exec(
      `select name, generic_plans, statement from pg_prepared_statements where name like 'gongkai\\_%' order by name`,
    )
  )[0].rows as { name: string; generic_plans: number; statement: string }[];

describe('reads kept as named statements on PGlite', () => {
  it('gives the rows PGlite itself gives, in both row modes and with parameters of every kind', async () => {
    const store = keepStatements(kept); // the one beforeAll made
    const before = store.size();
    const cases: [string, unknown[]][] = [
      ['select * from t order by id', []],
      ['select * from t where id = $1', [1]],
      ['select * from t where name = $1 and on_day <= $2', ['公开', '2027-01-01']],
      ['select id from t where tags && $1', [['乙']]],
      ['select id from t where doc @> $1', [{ a: [2] }]],
      ['select id, ok from t where ok = $1 or big > $2', [true, 1n]],
      ['select $1::text is null as missing', [null]],
      ['with x as (select id from t) select count(*)::int as n from x', []],
    ];
    for (const [text, params] of cases)
      for (const rowMode of ['object', 'array'] as const) {
        const want = await plain.query(text, params, { rowMode });
        // The second run is the kept statement's.
        for (let run = 0; run < 2; run++) {
          const got = await kept.query(text, params, { rowMode });
          expect(got.rows, `${text} (${rowMode})`).toEqual(want.rows);
          expect(got.fields).toEqual(want.fields);
        }
      }
    expect(store.size() - before).toBe(cases.length);
  });

  it('keeps a generic plan after five runs, so the statement is no longer planned', async () => {
    const text = 'select name from t where id = $1 /* generic */';
    for (let i = 0; i < 8; i++)
      expect((await kept.query<{ name: string }>(text, [1])).rows).toEqual([{ name: '公开' }]);
    const [mine] = (await statementsOf(kept)).filter((s) => s.statement.includes('/* generic */'));
    expect(Number(mine.generic_plans)).toBeGreaterThan(0);
  });

  it('closes the least recently used statement past its limit, and runs it again when asked', async () => {
    const c = await PGlite.create();
    try {
      const store = keepStatements(c, 2);
      for (const n of [1, 2, 3, 1]) expect((await c.query(`select ${n} as n`)).rows).toEqual([{ n }]);
      expect(store.size()).toBe(2);
      expect((await statementsOf(c)).map((s) => s.statement).sort()).toEqual(['select 1 as n', 'select 3 as n']);
    } finally {
      await c.close();
    }
  });

  it('reports a bad parameter as PGlite does, and keeps nothing of it', async () => {
    const c = await PGlite.create();
    try {
      const store = keepStatements(c, 16);
      const text = 'select $1::int as n';
      const wanted = await failure(plain.query(text, ['abc']));
      const got = await failure(c.query(text, ['abc']));
      expect(got.code).toBe('22P02');
      expect(got.message).toBe(wanted.message);
      expect(store.size()).toBe(0);
      expect((await c.query(text, ['7'])).rows).toEqual([{ n: 7 }]);
      const broken = await failure(c.query('select from nowhere'));
      expect(broken.code).toBe('42P01');
    } finally {
      await c.close();
    }
  });

  it('runs a statement again when it was dropped behind its back (DISCARD from a socket client)', async () => {
    const text = 'select name from t where id = $1 /* dropped */';
    expect((await kept.query(text, [1])).rows).toEqual([{ name: '公开' }]);
    await kept.exec('deallocate all');
    expect((await kept.query(text, [1])).rows).toEqual([{ name: '公开' }]);
    expect((await kept.query(text, [2])).rows).toEqual([{ name: null }]);
  });

  it('runs a write in a `with` once, and one the backend refuses not at all', async () => {
    const c = await PGlite.create();
    try {
      const store = keepStatements(c, 16);
      await c.exec('create table w (id int primary key)');
      const text = 'with added as (insert into w values ($1) returning id) select id from added';
      for (const id of [1, 2, 3]) expect((await c.query(text, [id])).rows).toEqual([{ id }]);
      expect(store.size()).toBe(1);
      expect((await failure(c.query(text, [2]))).code).toBe('23505');
      const { rows } = (await c.exec('select count(*)::int as n from w'))[0];
      expect(rows).toEqual([{ n: 3 }]);
    } finally {
      await c.close();
    }
  });

  it('leaves a read that notifies to PGlite, whose listeners hear it', async () => {
    const heard: string[] = [];
    const unlisten = await kept.listen('gk_kept', (payload) => heard.push(payload));
    try {
      for (const payload of ['一', '二']) await kept.query(`select pg_notify('gk_kept', $1)`, [payload]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(heard).toEqual(['一', '二']);
      expect((await statementsOf(kept)).filter((s) => s.statement.includes('pg_notify'))).toEqual([]);
    } finally {
      await unlisten();
    }
  });

  it('sees a table changed under a kept statement', async () => {
    const c = await PGlite.create();
    try {
      keepStatements(c, 16);
      await c.exec('create table u (a int); insert into u values (1)');
      expect((await c.query('select * from u')).rows).toEqual([{ a: 1 }]);
      await c.exec(`alter table u add column b text default 'x'`);
      expect((await c.query('select * from u')).rows).toEqual([{ a: 1, b: 'x' }]);
    } finally {
      await c.close();
    }
  });

  it('leaves writes and transactions to PGlite: a read inside a transaction sees its own write', async () => {
    const c = await PGlite.create();
    try {
      const { db } = pgliteDb(c);
      await db.execute(sql`create table v (a int)`);
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into v values (1)`);
          expect((await tx.execute<{ n: number }>(sql`select count(*)::int as n from v`)).rows).toEqual([{ n: 1 }]);
          tx.rollback();
        }),
      ).rejects.toThrow();
      expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from v`)).rows).toEqual([{ n: 0 }]);
      expect((await statementsOf(c)).map((s) => s.statement)).toEqual(['select count(*)::int as n from v']);
    } finally {
      await c.close();
    }
  });
});
