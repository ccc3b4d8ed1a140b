import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackingCode } from '../../cases/actions/receive-application.ts';
import { caseNumber } from '../../cases/register.ts';
import { REGISTER_HEADER, REGISTER_HEADER_ROW } from '../../cases/register-xlsx.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { type Case, cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-16T10:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let all: Case[];
let handler: number;
let townClerk: number;

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' });
  await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'reader' });
  handler = (
    await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'handler', displayName: '李承办' })
  ).row.id;
  townClerk = (await makeUser(t.db, { agency: tree.town, role: 'staff', username: 'townclerk', displayName: '镇经办' }))
    .row.id;
  all = await t.db
    .insert(cases)
    .values(
      Array.from({ length: 75 }, (_, i) => ({
        agencyId: i % 5 === 4 ? tree.town.id : tree.education.id,
        trackingCode: newTrackingCode(),
        regime: '2019' as const,
        applicantType: 'natural_person' as const,
        applicantName: `王${i}号`,
        channel: i % 3 === 0 ? ('post' as const) : ('online' as const),
        receivedOn: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
        subject: `2025年财政预算执行情况（${i}）`,
        state: i % 4 === 0 ? ('replied' as const) : ('received' as const),
        dueOn: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        firstDueOn: '2026-03-01',
        closedOn: i % 4 === 0 ? '2026-03-02' : null,
        outcome: i % 4 === 0 ? 'granted' : null,
      })),
    )
    .returning();
});
afterAll(() => t.close());

async function signedIn(username: string) {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

const mine = () => all.filter((c) => c.agencyId === tree.education.id);

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = wb.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n >= REGISTER_HEADER_ROW) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

describe('登记台账 in the console', () => {
  it('lists the agency’s cases with the real total over pages, and links each to its case', async () => {
    const b = await signedIn('clerk');
    const { res, html } = await b.get('/console/register?pageSize=20');
    expect(res.status).toBe(200);
    expect(html).toContain(`共 <strong>${mine().length}</strong> 件，第 1 / ${Math.ceil(mine().length / 20)} 页`);
    expect(html).toContain('rel="next"');
    expect(html).not.toContain(`王4号`); // the town's case
    const newest = [...mine()].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id - a.id)[0];
    expect(html).toContain(`<a href="/console/cases/${newest.id}">${caseNumber(newest)}</a>`);
    expect(html).toContain('href="/console/register"'); // the console's navigation names the register
  });

  it('finds a case by its 查询码 typed in the search box', async () => {
    const b = await signedIn('clerk');
    const target = mine()[10];
    const { html } = await b.get(`/console/register?q=${target.trackingCode}`);
    expect(html).toContain('共 <strong>1</strong> 件');
    expect(html).toContain(target.subject);
  });

  it('exports exactly the filtered rows as XLSX in the offices’ layout', async () => {
    const b = await signedIn('clerk');
    const res = await b.send('/console/register.xlsx?channel=post&state=open&sort=number&dir=asc&page=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('登记台账-2026-03-16.xlsx'));
    const [header, ...rows] = await readXlsx(res);
    expect(header).toEqual([...REGISTER_HEADER]);
    const expected = mine()
      .filter((c) => c.channel === 'post' && c.state === 'received')
      .sort((a, b) => a.id - b.id);
    expect(rows.map((r) => r[1])).toEqual(expected.map(caseNumber));
    expect(rows.map((r) => r[0])).toEqual(expected.map((_, i) => String(i + 1)));
    expect(rows[0].slice(2, 7)).toEqual([
      expected[0].applicantName,
      expected[0].subject,
      expected[0].receivedOn,
      expected[0].dueOn,
      '',
    ]);
    expect(rows[0][10]).toContain('信函申请');
  });

  it('a reader who does not handle the cases gets names masked, on the page and in the export', async () => {
    const b = await signedIn('reader');
    const { html } = await b.get('/console/register?pageSize=200');
    expect(html).toContain('王**');
    expect(html).not.toMatch(/王\d+号/);
    const rows = await readXlsx(await b.send('/console/register.xlsx'));
    expect(rows.slice(1).every((r) => r[2] === '王**')).toBe(true);
    expect(rows).toHaveLength(mine().length + 1);
  });

  it('a wrong filter is named, not a crash; visitors are sent to sign in', async () => {
    const b = await signedIn('clerk');
    const { res, html } = await b.get('/console/register?receivedFrom=2026-13-01');
    expect(res.status).toBe(400);
    expect(html).toContain('查询条件有误');
    expect(html).toContain('value="2026-13-01"');
    const visitor = testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));
    expect((await visitor.send('/console/register')).status).toBe(302);
    expect((await visitor.send('/console/register.xlsx')).status).toBe(302);
  });
});

describe('承办人: named per case, one or many at once from the register', () => {
  it('the register assigns the ticked cases; the page, the case and the export name the handler; it is audited', async () => {
    const b = await signedIn('clerk');
    const { html } = await b.get('/console/register?sort=number&dir=asc&pageSize=10');
    expect(html).toContain('为勾选的申请指定承办人');
    const picked = [...mine()]
      .sort((a, c) => a.id - c.id)
      .slice(0, 3)
      .map((c) => c.id);
    const form = new URLSearchParams({
      _csrf: b.token(),
      handlerId: String(handler),
      back: '/console/register?sort=number&dir=asc',
    });
    for (const id of picked) form.append('caseIds', String(id));
    const res = await b.send('/console/register/assign', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/register?sort=number&dir=asc');
    const after = await b.get('/console/register?sort=number&dir=asc&pageSize=10');
    expect(after.html.match(/<td>李承办<\/td>/g)).toHaveLength(3);
    const page = await b.get(`/console/cases/${picked[0]}`);
    expect(page.html).toMatch(/id="case-handler">李承办/);
    const rows = await readXlsx(await b.send('/console/register.xlsx?sort=number&dir=asc'));
    expect(rows.slice(1, 4).map((r) => r[9])).toEqual(['李承办', '李承办', '李承办']);
    expect(rows[4][9]).toBe('');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'case.handler_assigned'));
    expect(events.map((e) => Number(e.entityId)).sort((a, c) => a - c)).toEqual(picked);
  });

  it('prints the receipts of the ticked cases on one page, one per sheet; never another agency’s (#14)', async () => {
    const b = await signedIn('clerk');
    const { html } = await b.get('/console/register?sort=number&dir=asc&pageSize=10');
    expect(html).toContain('打印勾选申请的受理回执');
    const picked = [...mine()].sort((a, c) => a.id - c.id).slice(0, 3);
    const post = (ids: number[]) => {
      const form = new URLSearchParams({ _csrf: b.token() });
      for (const id of ids) form.append('caseIds', String(id));
      return b.send('/console/register/receipts', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    };
    const res = await post(picked.map((c) => c.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page.match(/<section>/g)).toHaveLength(3);
    for (const c of picked) expect(page).toContain(c.trackingCode);
    expect(page).toContain('section+section{break-before:page}');
    const other = all.find((c) => c.agencyId === tree.town.id);
    expect(other).toBeDefined();
    expect((await post([picked[0].id, other!.id])).status).toBe(403);
    expect((await post([])).status).toBe(400);
  });

  it('a handler of another agency, or a reader, cannot be used; nothing changes', async () => {
    const b = await signedIn('clerk');
    await b.get(`/console/cases/${mine()[5].id}`);
    const wrong = await b.post(`/console/cases/${mine()[5].id}/handler`, { handlerId: String(townClerk) });
    expect(wrong.status).toBe(400);
    const reader = await signedIn('reader');
    const { html } = await reader.get('/console/register');
    expect(html).not.toContain('为勾选的申请指定承办人');
    await reader.get(`/console/cases/${mine()[5].id}`);
    expect((await reader.post(`/console/cases/${mine()[5].id}/handler`, { handlerId: String(handler) })).status).toBe(
      403,
    );
    const [row] = await t.db.select().from(cases).where(eq(cases.id, mine()[5].id));
    expect(row.handlerId).toBeNull();
  });

  it('the case page clears the handler', async () => {
    const b = await signedIn('clerk');
    const id = mine()[6].id;
    await b.get(`/console/cases/${id}`);
    expect((await b.post(`/console/cases/${id}/handler`, { handlerId: String(handler) })).status).toBe(303);
    expect((await b.post(`/console/cases/${id}/handler`, { handlerId: '' })).status).toBe(303);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, id));
    expect(row.handlerId).toBeNull();
  });
});
