/** A query built once per database (./built-once.ts): kept per client, run with new values, each on its own data. */
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtOnce } from './built-once.ts';
import { type Db, type Executor, pgliteDb } from './client.ts';

const names = pgTable('names', { id: integer('id').primaryKey(), name: text('name') });
let one: Db;
let two: Db;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [one, two] = await Promise.all(
    ['甲', '乙'].map(async (who) => {
      const opened = pgliteDb(await PGlite.create());
      closers.push(opened.close);
      await opened.db.execute(sql`create table names (id int primary key, name text)`);
      await opened.db.insert(names).values([
        { id: 1, name: `${who}一` },
        { id: 2, name: `${who}二` },
      ]);
      return opened.db;
    }),
  );
}, 60_000);
afterAll(async () => {
  for (const close of closers) await close();
});

let builds = 0;
const byId = (db: Executor) =>
  builtOnce(db, 'name-by-id', () => {
    builds++;
    return db
      .select({ name: names.name })
      .from(names)
      .where(eq(names.id, sql.placeholder('id')))
      .prepare('');
  });

describe('builtOnce', () => {
  it('builds a query once per database and runs it with each value on that database', async () => {
    builds = 0;
    expect(await byId(one).execute({ id: 1 })).toEqual([{ name: '甲一' }]);
    expect(await byId(one).execute({ id: 2 })).toEqual([{ name: '甲二' }]);
    expect(await byId(two).execute({ id: 2 })).toEqual([{ name: '乙二' }]);
    expect(builds).toBe(2);
    expect(byId(one)).toBe(byId(one));
    expect(byId(one)).not.toBe(byId(two));
  });

  it('inside a transaction, runs on the transaction (it sees its own write)', async () => {
    await one
      .transaction(async (tx) => {
        await tx.update(names).set({ name: '改' }).where(eq(names.id, 1));
        expect(await byId(tx).execute({ id: 1 })).toEqual([{ name: '改' }]);
        tx.rollback();
      })
      .catch(() => {});
    expect(await byId(one).execute({ id: 1 })).toEqual([{ name: '甲一' }]);
  });
});
