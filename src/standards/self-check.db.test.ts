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

describe('beyond the columns: overdue replies, late 解读, broken links; the card; the weekly job; 督办', () => {
  it('finds them, gives the card with its rule, and a supervisor sends the unit a 督办 listing them', async () => {
    const { seedCalendar } = await import('../calendar-store/index.ts');
    const { receiveApplication } = await import('../cases/actions/receive-application.ts');
    const { fixedClock } = await import('../clock.ts');
    const { makeUser, TEST_PASSWORD } = await import('../db/factories.ts');
    const { supervisionNotices } = await import('../db/schema/supervision.ts');
    const { standardsSelfCheck } = await import('../jobs/standards-self-check.ts');
    await seedCalendar(t.db);
    await receiveApplication(
      { db: t.db, clock: fixedClock('2026-10-09T10:00:00+08:00') },
      {
        user: null,
        application: {
          agencyId: world.bureau.id,
          applicantType: 'natural_person',
          applicantName: '钱七',
          idNumber: '11010519491231002X',
          phone: '13912345678',
          channel: 'online',
          subject: '2026年校舍维修资金使用情况',
        },
      },
    );
    const [policy] = await publish('20.1', '2026-09-01').returning();
    await t.db.insert(catalogItems).values({
      indexNo: formatIndexNo(world.bureau.creditCode!, 2026, ++seq),
      agencyId: world.bureau.id,
      title: '《收费办法》政策解读',
      publishedOn: '2026-09-15',
      category: '20.1',
      docType: 'interpretation',
      interpretsId: policy.id,
      state: 'published',
    });
    const [gone] = await publish('20.7', '2026-06-01', null, 'withdrawn').returning();
    await t.db.insert(catalogItems).values({
      indexNo: formatIndexNo(world.bureau.creditCode!, 2026, ++seq),
      agencyId: world.bureau.id,
      title: '关于做好秋季开学工作的通知',
      publishedOn: '2026-09-02',
      category: '20.7',
      body: `<p>详见<a href="/catalog/${gone.id}">此前的通知</a>和<a href="/catalog/${policy.id}">收费办法</a>。</p>`,
      state: 'published',
    });

    const [unit] = await selfCheck(t.db, [world.bureau.id], '2026-12-03');
    const found = (indicator: string) => unit.findings.filter((f) => f.indicator === indicator).map((f) => f.message);
    expect(found('overdue_reply')).toEqual(['1件政府信息公开申请已超过答复期限（《条例》第三十三条）']);
    expect(found('late_interpretation')).toEqual([
      '解读“《收费办法》政策解读”未与政策文件同步发布（文件2026-09-01，解读2026-09-15）',
    ]);
    expect(found('broken_link')).toEqual([
      `“关于做好秋季开学工作的通知”中的链接 /catalog/${gone.id} 指向未公开或已撤回的信息`,
    ]);
    expect(unit.card).toBe('red');
    expect(unit.why).toMatch(/^单项否决：/);

    const run = await standardsSelfCheck.run({ db: t.db, clock: fixedClock('2026-12-07T07:00:00+08:00') });
    expect(run).toMatchObject({ red: expect.any(Number), units: expect.any(Number) });
    expect(String(run.redUnits)).toContain('某县教育局');

    await makeUser(t.db, { agency: world.county, role: 'supervisor', username: 'county.sup' });
    const { createSite } = await import('../web/site.ts');
    const { testBrowser } = await import('../web/testing.ts');
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-12-03T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'county.sup', password: TEST_PASSWORD });
    const page = await b.get('/console/standards/inspection');
    expect(page.html).toMatch(new RegExp(`id="card-${world.bureau.id}"[^]*?红牌`));
    expect(page.html).toContain(`/console/standards/inspection/${world.bureau.id}/notice`);
    expect((await b.post(`/console/standards/inspection/${world.bureau.id}/notice`, {})).status).toBe(303);
    const notices = await t.db.select().from(supervisionNotices);
    const sent = notices.find((n) => n.toAgencyId === world.bureau.id);
    expect(sent?.subject).toBe('检查指标自查问题整改（红牌）');
    expect(sent?.body).toContain('【单项否决】');
    expect(sent?.body).toContain('1件政府信息公开申请已超过答复期限');
    expect(sent?.replyBy).toBe('2026-12-10');
    // The office head of the unit may not send one to their own unit; nor to another county's.
    const own = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-12-03T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await own.get('/login');
    await own.post('/login', { username: 'bureau.head', password: TEST_PASSWORD });
    await own.get('/console/standards/inspection');
    expect((await own.post(`/console/standards/inspection/${world.bureau.id}/notice`, {})).status).toBe(403);
  });
});
