import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgency, makeUser } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { enterMonthlyFigures } from './actions/enter-monthly-figures.ts';
import { computeCatalogSection, drillCatalogCell, figureKeysOf } from './report-section.ts';
import { testCreditCode } from './testing.ts';
import { yearFigures } from './year-figures.ts';

let t: TestDb;
const deps = () => ({ db: t.db, clock: fixedClock('2027-01-10T10:00:00+08:00') });

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function world() {
  const agency = await makeAgency(t.db, { name: '某局', kind: 'department', creditCode: testCreditCode() });
  const { user } = await makeUser(t.db, { agency, role: 'staff' });
  const enter = (year: number, month: number, figures: Record<string, number>, source?: string) =>
    enterMonthlyFigures(deps(), { user, agencyId: agency.id, year, month, figures, source });
  return { agency, user, enter };
}

describe('第二十条 figures by month or for the whole year, with their source system', () => {
  it('the builder asks for the figures its template reads', () => {
    expect(figureKeysOf('new2021')).toEqual([
      'licensing.decisions',
      'penalty.decisions',
      'coercion.decisions',
      'fees.amount',
    ]);
    expect(figureKeysOf('new2019')).toContain('procurement.amount');
    expect(figureKeysOf('old2008')).toEqual([]);
  });

  it.each<[string, [number, number][], number]>([
    [
      'months alone are summed',
      [
        [1, 3],
        [2, 4],
      ],
      7,
    ],
    ['a 全年合计 alone is the year', [[0, 40]], 40],
    [
      'a 全年合计 replaces the months entered beside it',
      [
        [1, 3],
        [0, 40],
        [5, 9],
      ],
      40,
    ],
  ])('flows (new2021): %s', async (_name, entries, expected) => {
    const { agency, enter } = await world();
    for (const [month, value] of entries) await enter(2026, month, { 'penalty.decisions': value }, '行政执法信息平台');
    const values = await computeCatalogSection(t.db, { agencyIds: [agency.id], year: 2026 });
    expect(values['s20_6.penalty.decisions']).toBe(expected);
  });

  it('stocks (new2019): a 全年合计 counts as the year’s end', async () => {
    const { agency, enter } = await world();
    await enter(2019, 0, { 'licensing.items': 50 });
    await enter(2020, 6, { 'licensing.items': 55 });
    await enter(2020, 0, { 'licensing.items': 58 });
    const values = await computeCatalogSection(t.db, { agencyIds: [agency.id], year: 2020 });
    expect(values['s20_5.licensing.prev']).toBe(50);
    expect(values['s20_5.licensing.change']).toBe(8);
  });

  it('keeps the source system in the audit event and shows it per period', async () => {
    const { agency, enter } = await world();
    await enter(2026, 3, { 'licensing.decisions': 5 }, '政务服务平台');
    await enter(2026, 3, { 'licensing.decisions': 6 }, '  一体化政务服务平台 ');
    await enter(2026, 0, { 'fees.amount': 12.5 }, '非税收入管理系统');
    const periods = await yearFigures(t.db, { agencyId: agency.id, year: 2026 });
    expect(periods.map((p) => [p.month, p.values, p.source])).toEqual([
      [0, { 'fees.amount': 12.5 }, '非税收入管理系统'],
      [3, { 'licensing.decisions': 6 }, '一体化政务服务平台'],
    ]);
    const [event] = await listAudit(t.db, { entityType: 'catalog_figures', entityId: `${agency.id}/2026-3` });
    expect(event.data).toMatchObject({ source: '一体化政务服务平台', before: { 'licensing.decisions': 5 } });
    const drill = await drillCatalogCell(t.db, { agencyIds: [agency.id], year: 2026, key: 's20_8.fees.amount' });
    expect(drill.figures).toEqual([{ agencyId: agency.id, year: 2026, month: 0, key: 'fees.amount', value: 12.5 }]);
  });

  it.each<[string, number, number, Record<string, number>, string, RegExp]>([
    ['a month past 12', 2026, 13, { 'penalty.decisions': 1 }, '', /月份无效/],
    ['a whole year still to come', 2028, 0, { 'penalty.decisions': 1 }, '', /未来月份/],
    ['a count with a fraction', 2026, 0, { 'penalty.decisions': 1.5 }, '', /应为整数/],
    ['a source name over 100 characters', 2026, 0, { 'penalty.decisions': 1 }, '系'.repeat(101), /来源系统名称过长/],
  ])('refuses %s', async (_name, year, month, figures, source, message) => {
    const { enter } = await world();
    await expect(enter(year, month, figures, source)).rejects.toThrow(message);
  });
});
