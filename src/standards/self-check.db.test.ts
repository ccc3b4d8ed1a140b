/** The 检查指标 self-check of a unit from its published catalog (issue #17). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIndexNo } from '../catalog/index-number.ts';
import { makeCatalogWorld } from '../catalog/testing.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { selfCheck } from './self-check.ts';

let t: TestDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;
let seq = 0;

const publish = (category: string, publishedOn: string, genre: string | null = null, state = 'published') =>
  t.db.insert(catalogItems).values({
    indexNo: formatIndexNo(world.bureau.creditCode!, 2026, ++seq),
    agencyId: world.bureau.id,
    title: `信息${seq}`,
    publishedOn,
    category,
    genre,
    state: state as 'published',
  });

beforeAll(async () => {
  t = await createTestDb();
  world = await makeCatalogWorld(t.db);
  await publish('20.1', '2026-05-20'); // 政策文件: more than 6 months before 2026-12-03
  await publish('20.7', '2026-11-01');
  await publish('20.2', '2026-11-28', '信息'); // 工作动态, current
  await publish('20.2', '2026-12-20', '通知'); // dated later: not published yet on the day of the check
  await publish('20.2', '2026-04-01', '通知'); // 通知公告: 8 months old
});
afterAll(() => t.close());

describe('单项否决 items of a unit on 2026-12-03', () => {
  it('names the stale 政策文件 and 通知公告 columns and the empty ones; 动态 is current', async () => {
    const [unit] = await selfCheck(t.db, [world.bureau.id], '2026-12-03');
    expect(unit.agencyName).toBe('某县教育局');
    const stale = unit.findings.filter((f) => f.indicator === 'stale').map((f) => f.column);
    expect(stale.sort()).toEqual(['行政法规、规章和规范性文件', '通知公告']);
    const empty = unit.findings.filter((f) => f.indicator === 'empty').map((f) => f.column);
    // 第二十条 has 15 columns and 第二十一条 (county departments) 7: three have items.
    expect(empty).not.toContain('财政预算、决算信息');
    expect(empty.length).toBe(unit.columns - 2 - 3);
    expect(unit.veto).toBe(true);
  });

  it('a month later the 动态 column is stale too', async () => {
    const [unit] = await selfCheck(t.db, [world.bureau.id], '2027-01-03');
    expect(unit.findings.some((f) => f.column === '工作动态' && f.indicator === 'stale')).toBe(true);
  });
});

describe('the console page', () => {
  it('shows the office head their unit with its 单项否决 items', async () => {
    const { createSite } = await import('../web/site.ts');
    const { testBrowser } = await import('../web/testing.ts');
    const { fixedClock } = await import('../clock.ts');
    const { makeUser, TEST_PASSWORD } = await import('../db/factories.ts');
    await makeUser(t.db, { agency: world.bureau, role: 'office_head', username: 'bureau.head' });
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-12-03T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'bureau.head', password: TEST_PASSWORD });
    const { res, html } = await b.get('/console/standards/inspection');
    expect(res.status).toBe(200);
    expect(html).toContain('共 1 个单位，1 个单位触及单项否决');
    expect(html).toContain('通知公告类栏目超过6个月未更新：「通知公告」最近更新于2026-04-01');
  });
});
