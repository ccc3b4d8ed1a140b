/**
 * Before and around filing (issue #14): published items that may already answer an application (《条例》第三十六条
 * 第（一）项), shown on the receipt and to the handler; and the subjects asked for repeatedly (第四十四条).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { itemSearchText } from '../catalog/item-fields.ts';
import { similarPublished } from '../catalog/similar.ts';
import { makeCatalogWorld } from '../catalog/testing.ts';
import { fixedClock } from '../clock.ts';
import { makeUser, TEST_PASSWORD } from '../db/factories.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { createSite } from '../web/site.ts';
import { testBrowser } from '../web/testing.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { repeatedSubjects } from './repeated-subjects.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  w = await makeCatalogWorld(t.db);
  const item = (title: string, state: string, publishedOn: string | null, n: number) => ({
    agencyId: w.bureau.id,
    indexNo: `TEST-2026-0000${n}`,
    title,
    category: '20.11',
    state,
    publishedOn,
    searchText: itemSearchText({ title, docNo: null, body: '' }),
  });
  await t.db
    .insert(catalogItems)
    .values([
      item('某县2026年城区中小学停车场建设规划公示', 'published', '2026-02-10', 1),
      item('某县2026年城区中小学停车场建设规划（征求意见稿）', 'draft', null, 2),
      item('某县城区停车场收费标准调整方案', 'published', '2026-03-20', 3),
      item('某县2025年度财政预算执行情况', 'published', '2026-01-05', 4),
    ] as never);
});
afterAll(() => t.close());

const file = (subject: string, applicantName = '赵六', agencyId = w.bureau.id) =>
  receiveApplication(
    { db: t.db, clock },
    {
      user: null,
      application: {
        agencyId,
        applicantType: 'natural_person',
        applicantName,
        idNumber: '11010519491231002X',
        phone: '13912345678',
        channel: 'online',
        subject,
      },
    },
  );

describe('published items that may already answer an application', () => {
  it('finds the published item sharing the subject’s words; not a draft, not one dated later, not an unrelated one', async () => {
    const found = await similarPublished(t.db, {
      subject: '申请公开某县城区中小学停车场建设规划',
      today: clock.today(),
    });
    expect(found.map((f) => f.title)).toEqual(['某县2026年城区中小学停车场建设规划公示']);
    expect(await similarPublished(t.db, { subject: '申请公开某乡敬老院床位数', today: clock.today() })).toEqual([]);
  });

  it('the receipt shows them to the applicant; the case page to the handler', async () => {
    const c = await file('申请公开某县城区中小学停车场建设规划');
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {}, publicFormsPerMinute: 1000 });
    const receipt = await testBrowser(site).get(`/apply/receipt/${c.trackingCode}`);
    expect(receipt.html).toMatch(/id="similar"[\s\S]*某县2026年城区中小学停车场建设规划公示/);
    const staff = await makeUser(t.db, { agency: w.bureau, role: 'staff' });
    const b = testBrowser(site);
    await b.get('/login');
    await b.post('/login', { username: staff.row.username, password: TEST_PASSWORD });
    expect((await b.get(`/console/cases/${c.id}`)).html).toContain('第三十六条第（一）项');
  });

  it('before filing, the visitor looks the subject up: published items shown, the form started with the subject', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const b = testBrowser(site);
    expect((await b.get('/apply')).html).toContain('申请前，先查一查是否已经主动公开');
    const found = await b.get(`/apply/lookup?about=${encodeURIComponent('城区中小学停车场建设规划')}`);
    expect(found.res.status).toBe(200);
    expect(found.html).toMatch(/id="similar"[\s\S]*某县2026年城区中小学停车场建设规划公示/);
    expect(found.html).not.toContain('征求意见稿');
    expect(found.html).toMatch(/name="subject"[^>]*>城区中小学停车场建设规划</);
    const none = await b.get(`/apply/lookup?about=${encodeURIComponent('某县养老院床位分配名单')}`);
    expect(none.html).toContain('id="similar-none"');
    expect((await b.get('/apply/lookup?about=')).res.status).toBe(303);
    expect((await b.get(`/apply/lookup?about=${'长'.repeat(201)}`)).res.status).toBe(400);
  });
});

describe('subjects asked for repeatedly (第四十四条)', () => {
  it('groups the same subject whatever its spacing and punctuation, counts applicants, within the agencies', async () => {
    await file('某县2025年度 财政预算执行情况', '钱七');
    await file('某县2025年度财政预算执行情况。', '孙八');
    await file('某县2025年度财政预算执行情况', '钱七');
    await file('某县2025年度财政预算执行情况', '李九', w.county.id);
    await file('某乡敬老院床位数', '周十');
    const rows = await repeatedSubjects(t.db, { agencyIds: [w.bureau.id], from: '2026-01-01', to: '2026-12-31' });
    const budget = rows.find((r) => r.subject.includes('财政预算执行情况'));
    expect(budget).toMatchObject({ count: 3, applicants: 2, latest: '2026-03-02' });
    expect(rows.some((r) => r.subject.includes('敬老院'))).toBe(false);
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const head = await makeUser(t.db, { agency: w.bureau, role: 'office_head' });
    const b = testBrowser(site);
    await b.get('/login');
    await b.post('/login', { username: head.row.username, password: TEST_PASSWORD });
    const page = await b.get('/console/repeated?from=2026-01-01&to=2026-12-31');
    expect(page.html).toMatch(/财政预算执行情况[\s\S]*<td>3<\/td>\s*<td>2<\/td>/);
  });
});
