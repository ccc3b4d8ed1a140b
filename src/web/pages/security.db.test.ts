import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'edu' });
});
afterAll(() => t.close());

const browser = () =>
  testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {}, publicFormsPerMinute: 100 }));

describe('script injection in every public field is refused (escaped, never executed)', () => {
  it('the application form, its receipt, the tracking page and the staff console escape what the public typed', async () => {
    const b = browser();
    await b.get('/apply');
    // Over-long fields are refused with the form shown again, escaped.
    const refused = await b.post('/apply', {
      applicantType: 'natural_person',
      applicantName: XSS,
      idNumber: XSS,
      phone: XSS,
      email: XSS,
      address: XSS,
      agencyId: String(tree.education.id),
      subject: XSS,
      formWanted: '电子',
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).not.toMatch(/<script>alert|<img src=x/);
    // What was typed comes back escaped, beside each field's message.
    expect(refusedHtml).toContain('id="idNumber-error"');
    expect(refusedHtml).toContain('value="&lt;script&gt;');
    await b.get('/apply');
    const res = await b.post('/apply', {
      applicantType: 'natural_person',
      applicantName: XSS,
      idNumber: '11010519491231002X',
      phone: '13912345678',
      address: XSS,
      agencyId: String(tree.education.id),
      subject: XSS,
      formWanted: '电子',
    });
    expect(res.status).toBe(303);
    const receipt = (await b.get(res.headers.get('location') ?? '')).html;
    expect(receipt).not.toContain('<script>alert(1)');
    const code = /id="tracking-code">([A-Z2-9]+)</.exec(receipt)![1];
    const track = await b.get(`/track?code=${code}`);
    expect(track.html).not.toContain('<script>alert(1)');
    expect(track.html).toContain('&lt;script&gt;');
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    const staff = browser();
    await staff.get('/login');
    await staff.post('/login', { username: 'edu', password: TEST_PASSWORD });
    for (const path of [
      '/console/cases',
      `/console/cases/${row.id}`,
      `/console/cases/${row.id}/documents/receipt.html`,
    ]) {
      const page = await staff.get(path);
      expect(page.res.status, path).toBe(200);
      expect(page.html, path).not.toMatch(/<script>alert|<img src=x/);
    }
  });

  it.each(['/search?q=', '/track?code=', '/data?body=', '/catalog?category=', '/no-such-page/'])(
    '%s with a script stays escaped',
    async (prefix) => {
      const { html } = await browser().get(`${prefix}${encodeURIComponent(XSS)}`);
      expect(html).not.toMatch(/<script>alert|<img src=x/);
    },
  );
});
