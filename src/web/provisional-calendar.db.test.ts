/**
 * Issue 13, item 3, through the web as users meet it: on 2026-12-31, with no 2027 notice entered, the
 * portal's online application is received (it was refused with 422 and the form lost), its due date shown
 * as 暂定 on the receipt, the tracking page and the console; administrators are told on the 工作台.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { createSite } from './site.ts';
import { testBrowser } from './testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'edu' });
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root' });
});
afterAll(() => t.close());

const browser = (today: string) =>
  testBrowser(
    createSite({ db: t.db, clock: fixedClock(today), secret: 'sec', log: () => {}, publicFormsPerMinute: 100 }),
  );

const fields = () => ({
  applicantType: 'natural_person',
  applicantName: '王五',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  agencyId: String(tree.education.id),
  subject: '某县2026年义务教育阶段学校布局调整方案',
  formWanted: '电子',
});

describe('the portal and console with the clock on 2026-12-31 and no 2027 notice', () => {
  let trackingCode = '';

  it('the online application is received, its due date 2027-01-29 marked 暂定 with the reason', async () => {
    const b = browser('2026-12-31T15:00:00+08:00');
    await b.get('/apply');
    const res = await b.multipart('/apply', fields());
    expect(res.status).toBe(303);
    const { html } = await b.get(res.headers.get('location') ?? '');
    trackingCode = /id="tracking-code">([A-Z0-9]+)</.exec(html)?.[1] ?? '';
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(html).toMatch(/2027-01-29 <span class="tag provisional"[^>]*>暂定<\/span>/);
    expect(html).toContain('2027年的节假日安排（国务院办公厅通知）尚未录入');
  });

  it('the tracking page shows the date as 暂定', async () => {
    const { html } = await browser('2027-01-02').get(`/track?code=${trackingCode}`);
    expect(html).toMatch(/2027-01-29 <span class="tag provisional"[^>]*>暂定<\/span>/);
  });

  it('the console inbox and the case page show 暂定', async () => {
    const b = browser('2026-12-31T16:00:00+08:00');
    await b.get('/login');
    expect((await b.post('/login', { username: 'edu', password: TEST_PASSWORD })).status).toBe(303);
    const inbox = await b.get('/console/cases');
    expect(inbox.html).toMatch(/2027-01-29 <span class="tag provisional"/);
    const id = /href="\/console\/cases\/(\d+)"/.exec(inbox.html)?.[1];
    const page = await b.get(`/console/cases/${id}`);
    expect(page.html).toMatch(/id="due-on">2027-01-29 <span class="tag provisional"/);
  });

  it('administrators are warned that 2027 dates are provisional until the notice is entered', async () => {
    const b = browser('2026-12-03');
    await b.get('/login');
    await b.post('/login', { username: 'root', password: TEST_PASSWORD });
    const { html } = await b.get('/console');
    expect(html).toContain('工作日历尚无2027年的节假日安排');
    expect(html).toContain('暂定');
  });
});
