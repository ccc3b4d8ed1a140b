import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, seedCalendar } from '../../calendar-store/index.ts';
import { MAX_APPLICATION_BODY_BYTES } from '../../cases/attachments.ts';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { caseAttachments, cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { addDays } from '../../law/dates.ts';
import { computeDeadline } from '../../law/deadline.ts';
import { sampleExe, samplePdf } from '../../testing/files.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

// A Thursday: three working days back is the Monday of the same week, on any calendar of 2026 in force.
const clock = fixedClock('2026-03-05T10:00:00+08:00');
const today = clock.today();
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let clerkId: number;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  clerkId = (await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' })).row.id;
  await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'edureviewer' });
  await makeUser(t.db, { agency: tree.town, role: 'staff', username: 'townclerk' });
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root' });
});
afterAll(() => t.close());

const browser = () => testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));

async function signedIn(username: string) {
  const b = browser();
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

let subjects = 0;
const fields = (over: Record<string, string> = {}): Record<string, string> => ({
  agencyId: String(tree.education.id),
  channel: 'post',
  receivedOn: today,
  applicantType: 'natural_person',
  applicantName: '王五',
  idNumber: '11010519491231002X',
  address: '某县某路1号',
  subject: `某县2025年义务教育阶段学校布局调整方案（信函 ${++subjects}）`,
  formWanted: '纸质',
  ...over,
});
const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const casesAbout = (subject: string) => t.db.select().from(cases).where(eq(cases.subject, subject));

/** The day `n` working days before `from`, on the calendar kept in the database. */
async function workingDaysBefore(from: string, n: number) {
  const calendar = await loadCalendar(t.db);
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

describe('登记新申请: staff register an application received by post, in person, by fax or e-mail', () => {
  it('the inbox links to the form, and no console link on the inbox is dead', async () => {
    const b = await signedIn('clerk');
    const { res, html } = await b.get('/console/cases');
    expect(res.status).toBe(200);
    expect(html).toContain('href="/console/cases/new"');
    const links = [...new Set([...html.matchAll(/href="(\/console[^"]*)"/g)].map((m) => m[1]))];
    expect(links).toContain('/console/cases/new');
    for (const link of links) {
      const status = (await b.get(link)).res.status;
      // Pages of another role's work (发布审核, 监督考核 …) may refuse a 经办人员; none may be missing.
      expect([200, 403], link).toContain(status);
    }
    const form = await b.get('/console/cases/new');
    expect(form.res.status).toBe(200);
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).toContain(`name="receivedOn" type="date" required="" max="${today}" value="${today}"`);
    expect(form.html).toMatch(/<option value="post"[^>]*>信函（邮寄）<\/option>/);
    expect(form.html).toContain('以行政机关签收之日为收到申请之日');
    expect(form.html).toMatch(/<input id="identityFiles" name="identityFiles" type="file" accept="[^"]*\.pdf/);
    expect(form.html).toContain('最多5个，每个不超过10MB，合计不超过30MB');
    // The agency picker offers the clerk's own agency only.
    expect(form.html).toContain(`<option value="${tree.education.id}" selected="">某县教育局</option>`);
    expect(form.html).not.toContain('某镇人民政府</option>');
  });

  it('a letter received 3 working days ago: due date counted from that day, audited with the clerk as actor', async () => {
    const receivedOn = await workingDaysBefore(today, 3);
    const b = await signedIn('clerk');
    await b.get('/console/cases/new');
    const sent = fields({ receivedOn });
    const res = await b.multipart('/console/cases/new', sent, [
      ['supportingFiles', file(samplePdf(), '申请信函扫描件.pdf', 'application/pdf')],
    ]);
    expect(res.status).toBe(303);
    const [row] = await casesAbout(sent.subject);
    expect(res.headers.get('location')).toBe(`/console/cases/${row.id}`);

    const calendar = await loadCalendar(t.db);
    const expected = computeDeadline({ received: receivedOn, regime: '2019' }, calendar);
    expect(row).toMatchObject({
      agencyId: tree.education.id,
      channel: 'post',
      receivedOn,
      dueOn: expected.due,
      firstDueOn: expected.firstDue,
      applicantName: '王五',
      formWanted: '纸质',
      state: 'received',
    });
    expect(row.dueExplanation).toEqual(expected.explanation);
    expect(row.dueOn).not.toBe(computeDeadline({ received: today, regime: '2019' }, calendar).due);

    const page = await b.get(`/console/cases/${row.id}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(`${receivedOn}（邮寄）`);
    expect(page.html).toMatch(new RegExp(`<td id="due-on">${expected.due}`));
    expect(page.html).toContain('申请信函扫描件.pdf');

    const files = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    expect(files.map((f) => [f.kind, f.filename, f.mediaType])).toEqual([
      ['supporting', '申请信函扫描件.pdf', 'application/pdf'],
    ]);
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: row.id, action: 'case.received' });
    expect(event.actorId).toBe(clerkId);
    expect(event.agencyId).toBe(tree.education.id);
    expect(event.data).toMatchObject({ channel: 'post', receivedOn, dueOn: expected.due });
  });

  it.each([
    ['in person', 'in_person'],
    ['by fax', 'fax'],
    ['by e-mail', 'email'],
  ])('registers an application received %s on today’s date when the day is left as it is', async (_n, channel) => {
    const b = await signedIn('clerk');
    await b.get('/console/cases/new');
    const sent = fields({ channel, receivedOn: '', email: 'wangwu@example.com' });
    expect((await b.multipart('/console/cases/new', sent)).status).toBe(303);
    const [row] = await casesAbout(sent.subject);
    expect(row).toMatchObject({ channel, receivedOn: today });
    expect(row.dueOn).toBe(computeDeadline({ received: today, regime: '2019' }, await loadCalendar(t.db)).due);
  });

  it.each([
    ['a receipt date in the future', { receivedOn: addDays(today, 1) }, [], '收到申请的日期不能晚于今天'],
    ['an impossible receipt date', { receivedOn: '2026-02-30' }, [], '收到申请日期应为 YYYY-MM-DD 格式的有效日期'],
    ['no way to reach the applicant', { address: '', phone: '' }, [], '请至少填写一种联系方式'],
    ['no channel', { channel: 'pigeon' }, [], '请选择申请的提交方式'],
    ['an ID number with a wrong check digit', { idNumber: '110105194912310021' }, [], '校验码（第18位）不符'],
    [
      'an organisation giving an ID number',
      { applicantType: 'research', applicantName: '某研究院' },
      [],
      '这是居民身份证号码',
    ],
    ['a mobile number of 12 digits', { phone: '139123456789' }, [], '手机号码应为11位，收到12位'],
    ['an e-mail address with a full-width ＠', { email: 'wangwu＠example.com' }, [], '请用半角字符'],
    [
      'an executable scan',
      {},
      [['supportingFiles', file(sampleExe(), '扫描件.pdf', 'application/pdf')]],
      '是可执行程序，不予接收',
    ],
  ] as [string, Record<string, string>, [string, File][], string][])(
    'refuses %s with a Chinese message, keeping what was typed',
    async (_name, over, files, message) => {
      const b = await signedIn('clerk');
      await b.get('/console/cases/new');
      const before = [await t.db.$count(cases), await t.db.$count(caseAttachments)];
      const sent = fields({ phone: '13912345678', ...over });
      const res = await b.multipart('/console/cases/new', sent, files);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      if (sent.applicantName === '王五') expect(html).toContain('value="王五"');
      if (sent.phone) expect(html).toContain(`value="${sent.phone}"`);
      expect(html).toContain(`${sent.subject}</textarea>`);
      expect(html).toContain(`name="receivedOn" type="date" required="" max="${today}" value="${sent.receivedOn}"`);
      if (sent.channel === 'post') expect(html).toMatch(/<option value="post" selected/);
      expect(html).toMatch(/<option value="纸质" selected/);
      if (files.length) expect(html).toContain('您选择的附件（扫描件.pdf）未保存');
      expect([await t.db.$count(cases), await t.db.$count(caseAttachments)]).toEqual(before);
    },
  );

  it('a letter without an ID number is registered (补正 asks for it); a number given must be valid', async () => {
    const b = await signedIn('clerk');
    await b.get('/console/cases/new');
    const sent = fields({ idNumber: '' });
    expect((await b.multipart('/console/cases/new', sent)).status).toBe(303);
    const [row] = await casesAbout(sent.subject);
    expect(row.idNumber).toBeNull();
    const { html } = await b.get('/console/cases/new');
    expect(html).toContain('可不填，登记后依第三十条告知补正');
  });

  it('the same applicant’s letter on the same subject registered twice: the clerk is asked first', async () => {
    const b = await signedIn('clerk');
    await b.get('/console/cases/new');
    const sent = fields();
    expect((await b.multipart('/console/cases/new', sent)).status).toBe(303);
    await b.get('/console/cases/new');
    const again = await b.multipart('/console/cases/new', { ...sent, channel: 'email' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`该申请人已于 ${today} 向同一行政机关提交过内容相同的申请`);
    expect(await casesAbout(sent.subject)).toHaveLength(1);
    await b.get('/console/cases/new');
    const confirmed = await b.multipart('/console/cases/new', { ...sent, channel: 'email', confirmDuplicate: '1' });
    expect(confirmed.status).toBe(303);
    expect(await casesAbout(sent.subject)).toHaveLength(2);
  });

  it('staff of another agency cannot register for this agency; a role without case.handle gets no form', async () => {
    const b = await signedIn('townclerk');
    const form = await b.get('/console/cases/new');
    expect(form.res.status).toBe(200);
    expect(form.html).toContain(`<option value="${tree.town.id}" selected="">某镇人民政府</option>`);
    expect(form.html).not.toContain('某县教育局</option>');
    const sent = fields();
    const res = await b.multipart('/console/cases/new', sent);
    expect(res.status).toBe(403);
    expect(await casesAbout(sent.subject)).toEqual([]);

    expect((await (await signedIn('edureviewer')).get('/console/cases/new')).res.status).toBe(403);
    const anonymous = await browser().get('/console/cases/new');
    expect(anonymous.res.status).toBe(302);
    expect(anonymous.res.headers.get('location')).toMatch(/^\/login/);
  });

  it('an administrator is not a case handler: no 登记新申请 (#14)', async () => {
    const b = await signedIn('root');
    expect((await b.get('/console/cases/new')).res.status).toBe(403);
    const sent = fields({ agencyId: String(tree.town.id), channel: 'in_person' });
    expect((await b.multipart('/console/cases/new', sent)).status).toBe(403);
    expect(await casesAbout(sent.subject)).toHaveLength(0);
  });

  it('refuses a request over the size limit before reading it', async () => {
    const b = await signedIn('clerk');
    await b.get('/console/cases/new');
    const before = await t.db.$count(cases);
    const big = new Uint8Array(MAX_APPLICATION_BODY_BYTES + 1024);
    const res = await b.multipart('/console/cases/new', fields(), [
      ['supportingFiles', file(big, '大文件.pdf', 'application/pdf')],
    ]);
    expect(res.status).toBe(413);
    expect(await t.db.$count(cases)).toBe(before);
  });

  it('without a signed-in user the JSON API files online applications of today only: no channel or date', async () => {
    const b = browser();
    await b.get('/apply');
    const api = (body: Record<string, unknown>) =>
      b.send('/api/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': b.token() },
        body: JSON.stringify({ ...fields(), agencyId: tree.education.id, ...body }),
      });
    expect((await api({ channel: 'post', receivedOn: undefined })).status).toBe(403);
    expect((await api({ channel: 'online', receivedOn: addDays(today, -3) })).status).toBe(403);
    const ok = await api({ channel: 'online', receivedOn: undefined });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { dueOn: string }).dueOn).toBe(
      computeDeadline({ received: today, regime: '2019' }, await loadCalendar(t.db)).due,
    );
  });
});
