import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreeIds } from '../agencies/tree.ts';
import { computeCaseSections, drillDown } from '../cases/report-sections.ts';
import { fixedClock } from '../clock.ts';
import { annualReports } from '../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { check } from '../report/check.ts';
import { templateForYear } from '../report/templates/index.ts';
import { countedAgencyIds } from '../reports/cell-records.ts';
import { computeAgencyReport } from '../reports/compute.ts';
import { loadDemo } from './county.ts';

let t: TestDb;
let loaded: Awaited<ReturnType<typeof loadDemo>>;

beforeAll(async () => {
  t = await createTestDb();
  loaded = await loadDemo({ db: t.db, clock: fixedClock('2026-11-23') }, { perYear: 400, fromYear: 2023 });
}, 120_000);
afterAll(() => t.close());

describe('the demo county', () => {
  it('is a county of 60 units with cases, appeals and published reports', () => {
    expect(loaded.agencies).toBeGreaterThanOrEqual(61);
    expect(loaded.cases).toBeGreaterThan(1000);
    expect(loaded.appeals).toBeGreaterThan(0);
    expect(loaded.reports).toBe(loaded.agencies * 3);
  });

  it('every case is carried into its statutory events, and the due date folded from them is the one stored', async () => {
    // Issue 13: the migration to events changes no case's due date (the demo's generated rows are right).
    expect(loaded.eventsChanged).toEqual([]);
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`select count(distinct case_id)::int as n from case_events`))
      .rows;
    expect(n).toBe(loaded.cases);
  });

  it.each([2023, 2024, 2025])('%i: the computed report of the whole county passes every rule', async (year) => {
    const report = await computeAgencyReport(t.db, { agencyId: 1, year, subtree: true });
    const previous = await computeAgencyReport(t.db, { agencyId: 1, year: year - 1, subtree: true });
    expect(check(report, { previous })).toEqual([]);
    expect(report.values['apply.received.total']).toBeGreaterThan(100);
  });

  it.each([2023, 2024, 2025])(
    '%i: the drill-down of every cell of sections 三 and 四 of the county’s published report lists exactly that many cases',
    async (year) => {
      // Issue 15: the county's published report is consolidated, so its cells drill to the whole subtree.
      const [row] = await t.db
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.agencyId, 1), eq(annualReports.year, year), eq(annualReports.origin, 'computed')));
      expect(row.countScope).toBe('subtree');
      const agencyIds = await countedAgencyIds(t.db, { agencyId: 1, countScope: row.countScope });
      expect(agencyIds).toEqual(await subtreeIds(t.db, 1));
      const format = templateForYear(year);
      const values = await computeCaseSections(t.db, { agencyIds, year, format });
      const keys = Object.keys(values).filter((k) => k.startsWith('apply.'));
      expect(keys.length).toBeGreaterThan(150);
      for (const key of keys) {
        const ids = await drillDown(t.db, { agencyIds, year, format, key });
        expect(ids.length, key).toBe(values[key]);
        expect(row.values[key], key).toBe(values[key]);
      }
    },
    60_000,
  );

  it('each unit’s computed report passes every rule', async () => {
    for (const agencyId of [2, 10, 45, 60]) {
      const report = await computeAgencyReport(t.db, { agencyId, year: 2025 });
      expect(check(report), `agency ${agencyId}`).toEqual([]);
    }
  });
});
