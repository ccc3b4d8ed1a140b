import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { agencies } from './schema/index.ts';
import { createTestDb, race } from './testing.ts';

describe('createTestDb', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it('gives each call its own migrated database', async () => {
    const a = await createTestDb();
    const b = await createTestDb();
    opened.push(a, b);
    await a.db.insert(agencies).values({ name: '甲县人民政府', kind: 'government', path: '/' });
    expect(await a.db.$count(agencies)).toBe(1);
    expect(await b.db.$count(agencies)).toBe(0);
  });

  it('creates databases concurrently without clashing', async () => {
    const results = await race(3, () => createTestDb());
    for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    for (const r of results) {
      if (r.status !== 'fulfilled') continue;
      const rows = await r.value.db.execute(sql`select count(*)::int as n from agencies`);
      expect(rows.rows[0]).toEqual({ n: 0 });
    }
  });
});
