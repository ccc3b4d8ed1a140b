import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { makeAgency, makeUser } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { check } from '../report/check.ts';
import type { Report } from '../report/model.ts';
import { enterMonthlyFigures } from './actions/enter-monthly-figures.ts';
import { setValidity } from './actions/set-validity.ts';
import { seedDemoCatalog } from './demo.ts';
import { disclosureFlags } from './queries.ts';
import { computeCatalogSection, drillCatalogCell } from './report-section.ts';
import { testCreditCode } from './testing.ts';

let t: TestDb;
const ids: number[] = [];
const YEARS = [2023, 2024, 2025];
let stats: Awaited<ReturnType<typeof seedDemoCatalog>>;

beforeAll(async () => {
  t = await createTestDb();
  const county = await makeAgency(t.db, { name: '示范县人民政府', kind: 'government', creditCode: testCreditCode() });
  ids.push(county.id);
  for (let i = 0; i < 8; i++) {
    const a = await makeAgency(t.db, {
      parent: county,
      name: `示范县第${i}局`,
      kind: i < 6 ? 'department' : 'town',
      creditCode: testCreditCode(),
    });
    ids.push(a.id);
  }
  stats = await seedDemoCatalog(t.db, { agencyIds: ids, years: YEARS, seed: 7, perAgencyYear: 40 });
});
afterAll(() => t.close());

const report = async (year: number, agencyIds = ids): Promise<Report> => ({
  format: year <= 2018 ? 'old2008' : year <= 2020 ? 'new2019' : 'new2021',
  year,
  issuer: '示范县人民政府',
  values: await computeCatalogSection(t.db, { agencyIds, year }),
});

describe('section 二 from the demo catalog', () => {
  it('seeds deterministically with repealed documents and interpretations', () => {
    expect(stats.items).toBeGreaterThan(1000);
    expect(stats.repealed).toBeGreaterThan(0);
    expect(stats.interpretations).toBeGreaterThan(0);
    expect(stats.lateInterpretations).toBeGreaterThan(0);
  });

  it.each([2024, 2025])('%i passes every rule, the cross-year in_force included', async (year) => {
    const previous = await report(year - 1);
    const current = await report(year);
    expect(current.values['s20_1.normative.made']).toBeGreaterThan(0);
    expect(current.values['s20_5.licensing.decisions']).toBeGreaterThan(0);
    const findings = check(current, { previous });
    expect(findings).toEqual([]);
    const v = current.values as Record<string, number>;
    const p = previous.values as Record<string, number>;
    expect(v['s20_1.normative.in_force']).toBe(
      p['s20_1.normative.in_force'] + v['s20_1.normative.made'] - v['s20_1.normative.repealed'],
    );
  });

  it('lists late items and 政策解读 not published with their policy', async () => {
    const flags = await disclosureFlags(t.db, { agencyIds: ids, year: 2024 });
    expect(flags.outOfStep.length).toBeGreaterThan(0);
    for (const f of flags.outOfStep) expect(f.publishedOn).not.toBe(f.policyPublishedOn);
    for (const l of flags.late) expect(l.publishedOn! > l.publishDueOn!).toBe(true);
  });

  it('every cell drills down to its items or figures', async () => {
    const current = await report(2025);
    for (const [key, value] of Object.entries(current.values)) {
      const drill = await drillCatalogCell(t.db, { agencyIds: ids, year: 2025, key });
      if (drill.items) expect(drill.items.length, key).toBe(value);
      else if (key.endsWith('.amount') || key.endsWith('.decisions')) {
        const sum = drill.figures!.reduce((s, f) => s + f.value, 0);
        expect(Math.round(sum * 10_000) / 10_000, key).toBe(value);
      }
    }
  });

  it('old2008 counts by channel within the bounds', async () => {
    const r = { ...(await report(2025)), format: 'old2008' as const };
    r.values = await computeCatalogSection(t.db, { agencyIds: ids, year: 2025, format: 'old2008' });
    expect(r.values['proactive.total']).toBeGreaterThan(0);
    expect(r.values['proactive.website']).toBeGreaterThan(0);
    expect(check(r).filter((f) => f.rule === 'old.proactive.channel_bounds')).toEqual([]);
  });

  it('new2019 reads 上一年项目数量 and 本年增/减 from the month-end figures', async () => {
    const values = await computeCatalogSection(t.db, { agencyIds: ids, year: 2025, format: 'new2019' });
    expect(typeof values['s20_5.licensing.prev']).toBe('number');
    expect(values['s20_5.licensing.change']).toBeGreaterThanOrEqual(0);
    expect(values['s20_9.procurement.projects']).toBe(0);
  });

  it('figures entered by staff are audited and counted; a repeal moves in_force', async () => {
    const agency = await makeAgency(t.db, { name: '单独的局', kind: 'government', creditCode: testCreditCode() });
    const { user } = await makeUser(t.db, { agency, role: 'staff' });
    const deps = { db: t.db, clock: fixedClock('2025-12-31') };
    await enterMonthlyFigures(deps, {
      user,
      agencyId: agency.id,
      year: 2025,
      month: 3,
      figures: { 'licensing.decisions': 7, 'fees.amount': 1.25 },
    });
    await enterMonthlyFigures(deps, {
      user,
      agencyId: agency.id,
      year: 2025,
      month: 3,
      figures: { 'licensing.decisions': 9 },
    });
    await expect(
      enterMonthlyFigures(deps, {
        user,
        agencyId: agency.id,
        year: 2026,
        month: 1,
        figures: { 'licensing.decisions': 1 },
      }),
    ).rejects.toThrow(/未来月份/);
    const values = await computeCatalogSection(t.db, { agencyIds: [agency.id], year: 2025 });
    expect(values['s20_5.licensing.decisions']).toBe(9);
    expect(values['s20_8.fees.amount']).toBe(1.25);

    const [doc] = (
      await drillCatalogCell(t.db, { agencyIds: ids, year: 2024, key: 's20_1.normative.in_force' })
    ).items!.filter((i) => !i.repealedOn);
    const reviewer = (await makeUser(t.db, { agency: { id: ids.find(() => true)! } as never, role: 'office_head' }))
      .user;
    const before = await computeCatalogSection(t.db, { agencyIds: ids, year: 2025 });
    await setValidity(deps, { user: reviewer, itemId: doc.id, validity: 'repealed', on: '2025-06-30' });
    const after = await computeCatalogSection(t.db, { agencyIds: ids, year: 2025 });
    expect(after['s20_1.normative.repealed']).toBe((before['s20_1.normative.repealed'] as number) + 1);
    expect(after['s20_1.normative.in_force']).toBe((before['s20_1.normative.in_force'] as number) - 1);
  });
});
