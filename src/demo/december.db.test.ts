/**
 * Issue 13: `npm start` on a fresh machine in December crashed while loading the demo (a consultation's
 * reply date reached into 2027, which chinese-days does not hold). The demo loader — the path of
 * `gongkai serve --demo` — with the clock on any day of December loads, and its dates into 2027 are 暂定.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { cases } from '../db/schema/cases.ts';
import { createTestDb } from '../db/testing.ts';
import { loadDemo } from './county.ts';

describe('the demo loads with the clock in December (no 2027 notice)', () => {
  it.each([
    ['early December', '2026-12-03'],
    ['New Year’s Eve', '2026-12-31'],
  ])(
    '%s (%s)',
    async (_name, today) => {
      const t = await createTestDb();
      try {
        const loaded = await loadDemo({ db: t.db, clock: fixedClock(today) }, { perYear: 1500, fromYear: 2026 });
        expect(loaded.cases).toBeGreaterThan(1000);
        const provisional = await t.db.select().from(cases).where(eq(cases.dueProvisional, true));
        expect(provisional.length).toBeGreaterThan(0);
        for (const c of provisional) expect(c.dueExplanation.join('\n')).toContain('2027年的节假日安排');
        // Applications received in the last days before the clock are in the demo, not left out.
        const late = await t.db.select().from(cases).where(eq(cases.receivedOn, '2026-11-30'));
        expect(late.length).toBeGreaterThan(0);
      } finally {
        await t.close();
      }
    },
    300_000,
  );
});
