import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../db/audit.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { versionedValues } from './versioned.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const change = () =>
  t.db.transaction((tx) =>
    recordAudit(tx, { at: new Date(), actorId: null, action: 'test.changed', entityType: 'test' }),
  );

describe.each([
  ['this process only', false, false],
  ['shared with other processes, the audit log read', true, false],
  ['shared with other processes, the change feed heard', true, true],
])('versionedValues, %s', (_name, sharedDb, feed) => {
  it('computes a value once until a change is audited, then again', async () => {
    let now = 0;
    const kept = versionedValues(t.db, { sharedDb, feed, now: () => now, ttlMs: 1000 });
    await kept.ready;
    let runs = 0;
    const compute = async () => ++runs;
    expect(await Promise.all([kept.get('k', compute), kept.get('k', compute)])).toEqual([1, 1]);
    expect(await kept.get('k', compute)).toBe(1);
    await change();
    expect(await kept.get('k', compute)).toBe(2);
    expect(await kept.get('other', compute)).toBe(3);
    now = 1001;
    expect(await kept.get('k', compute)).toBe(4);
  });

  it('reads a query builder once however often its kept value is read', async () => {
    const kept = versionedValues(t.db, { sharedDb, feed });
    await kept.ready;
    const ran = vi.fn();
    // A drizzle select runs its statement on every `then`: the kept value must not be the builder itself.
    const builder = (): PromiseLike<number[]> => ({
      // biome-ignore lint/suspicious/noThenProperty: a thenable as drizzle's query builders are
      then(onFulfilled, onRejected) {
        ran();
        return Promise.resolve([ran.mock.calls.length]).then(onFulfilled, onRejected);
      },
    });
    const at = await kept.version();
    expect(await kept.get('agencies', builder, at)).toEqual([1]);
    expect(await kept.get('agencies', builder, at)).toEqual([1]);
    expect(await kept.get('agencies', builder, at)).toEqual([1]);
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('keeps no failed computation', async () => {
    const kept = versionedValues(t.db, { sharedDb, feed });
    await expect(kept.get('f', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.get('f', async () => 'up')).toBe('up');
  });
});

it('sees, shared with other processes, a change another process wrote only through the log', async () => {
  const kept = versionedValues(t.db, { sharedDb: true, feed: false });
  let runs = 0;
  const compute = async () => ++runs;
  await kept.get('k', compute);
  // Written without recordAudit's in-process signal, as another instance would.
  await t.db.execute(sql`insert into audit_events (at, action, entity_type) values (now(), 'test.elsewhere', 'test')`);
  expect(await kept.get('k', compute)).toBe(2);
});

it('hears, shared with other processes, a change another process wrote, from the change feed without reading the log', async () => {
  const kept = versionedValues(t.db, { sharedDb: true });
  await kept.ready;
  expect(await kept.version()).toMatch(/heard/); // not the log's newest id
  let runs = 0;
  const compute = async () => ++runs;
  await kept.get('k', compute);
  const before = await kept.version();
  await t.db.execute(sql`insert into audit_events (at, action, entity_type) values (now(), 'test.elsewhere', 'test')`);
  await vi.waitFor(async () => expect(await kept.version()).not.toBe(before), { timeout: 5000 });
  expect(await kept.get('k', compute)).toBe(2);
});
