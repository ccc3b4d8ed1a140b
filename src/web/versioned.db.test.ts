import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  ['this process only', false],
  ['shared with other processes (the audit log read)', true],
])('versionedValues, %s', (_name, sharedDb) => {
  it('computes a value once until a change is audited, then again', async () => {
    let now = 0;
    const kept = versionedValues(t.db, { sharedDb, now: () => now, ttlMs: 1000 });
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

  it('keeps no failed computation', async () => {
    const kept = versionedValues(t.db, { sharedDb });
    await expect(kept.get('f', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.get('f', async () => 'up')).toBe('up');
  });
});

it('sees, shared with other processes, a change another process wrote only through the log', async () => {
  const kept = versionedValues(t.db, { sharedDb: true });
  let runs = 0;
  const compute = async () => ++runs;
  await kept.get('k', compute);
  // Written without recordAudit's in-process signal, as another instance would.
  await t.db.execute(sql`insert into audit_events (at, action, entity_type) values (now(), 'test.elsewhere', 'test')`);
  expect(await kept.get('k', compute)).toBe(2);
});
