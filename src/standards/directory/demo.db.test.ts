/** The demo county's 标准目录: adopted by a few units, catalog items tagged, one due item missing (issue #17). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { loadDemo } from '../../demo/county.ts';
import { directoryView } from './view.ts';

let t: TestDb;
const TODAY = '2026-11-23';

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock: fixedClock(TODAY) }, { perYear: 100, fromYear: 2026, catalogPerAgencyYear: 8 });
}, 120_000);
afterAll(() => t.close());

describe('the demo county’s 标准目录', () => {
  it('has units with adopted items, tagged catalog items and the 民政局’s missing 临时救助 notice', async () => {
    const view = await directoryView(t.db, 'all', { year: 2026, today: TODAY });
    expect(view.units.map((u) => u.agencyName)).toEqual(
      expect.arrayContaining(['示范县教育体育局', '示范县民政局', '示范县财政局', '示范县生态环境局']),
    );
    expect(view.total.onTime).toBeGreaterThan(0);
    expect(view.total.late).toBeGreaterThan(0);
    const civil = view.units.find((u) => u.agencyName === '示范县民政局')!;
    const temporary = civil.judgements.find((j) => j.item.level1 === '临时救助')!;
    expect(temporary.state).toBe('missing');
    expect(temporary.records.find((r) => r.state === 'missing')?.title).toContain('临时救助标准');
    expect(temporary.dueOn! < TODAY).toBe(true);
    // Nothing tagged with the 生态环境状况公报: missing after 6月5日.
    const env = view.units.find((u) => u.agencyName === '示范县生态环境局')!;
    expect(env.judgements.find((j) => j.item.level2 === '生态环境状况公报')).toMatchObject({
      state: 'missing',
      dueOn: '2026-06-05',
    });
  });
});
