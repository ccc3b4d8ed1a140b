/**
 * The applicant kept informed, through the site: filing on the portal and the office's actions in the console
 * send e-mail (read back from a local SMTP server) and SMS (a fake SendSms), after the action is stored; a mail
 * server that is down fails nothing and is shown on the 发送记录 page; agencies keep their own wording.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { cases } from '../../db/schema/cases.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { smtpMailer } from '../../notify/mailer.ts';
import { createNotifier, type Notifier } from '../../notify/notifier.ts';
import { aliyunSms } from '../../notify/sms.ts';
import { type FakeSms, startFakeSms, startTestSmtp } from '../../notify/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let sms: FakeSms;
let notifier: Notifier;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' });
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' });
  await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'reader' });
  smtp = await startTestSmtp();
  sms = await startFakeSms('secret');
  notifier = createNotifier({
    db: t.db,
    clock,
    mail: smtpMailer(smtp.url, 'gongkai@example.gov.cn'),
    sms: aliyunSms({ accessKeyId: 'id', accessKeySecret: 'secret', signName: '某县', endpoint: sms.endpoint }),
    smsTemplateCodes: { received: 'SMS_1', correction: 'SMS_2' },
    trackUrl: (code) => `https://xxgk.example.gov.cn/track?code=${code}`,
  });
});
afterAll(async () => {
  await smtp.close();
  await sms.close();
  await t.close();
});

const site = (n: Notifier | null = notifier) =>
  createSite({ db: t.db, clock, secret: 'sec', log: () => {}, publicFormsPerMinute: 1000, notifier: n ?? undefined });

async function signedIn(username: string) {
  const b = testBrowser(site());
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

let n = 0;
async function file(n2: Notifier, email: string) {
  const b = testBrowser(site(n2));
  await b.get('/apply');
  const res = await b.post('/apply', {
    applicantType: 'natural_person',
    applicantName: '钱七',
    idNumber: '440524188001010014',
    phone: '13700000000',
    email,
    agencyId: String(tree.education.id),
    subject: `某县2025年学校食堂食品安全抽检结果（${++n}）`,
    formWanted: '电子',
  });
  expect(res.status).toBe(303);
  const code = /[A-Z2-9]{10}$/.exec(res.headers.get('location') ?? '')![0];
  const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
  return row;
}

describe('the applicant kept informed', () => {
  it('filing on the portal: the e-mail with the 查询码 arrives, an SMS goes, both recorded', async () => {
    const before = smtp.mails.length;
    const row = await file(notifier, 'qianqi@example.com');
    await notifier.settled();
    const mail = smtp.mails.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['qianqi@example.com']);
    expect(mail[0].text).toContain(`查询码：${row.trackingCode}`);
    expect(sms.sent.at(-1)?.PhoneNumbers).toBe('13700000000');
    const rows = await t.db.select().from(notifications).where(eq(notifications.caseId, row.id));
    expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['email:sent', 'sms:sent']);
  });

  it('补正 requested in the console: the e-mail says what to correct', async () => {
    const row = await file(notifier, 'buzheng@example.com');
    await notifier.settled();
    const b = await signedIn('clerk');
    await b.get(`/console/cases/${row.id}`);
    const res = await b.post(`/console/cases/${row.id}/request-correction`, {
      version: String(row.version),
      deadline: '2026-03-20',
      what: '请写明所需信息的具体学校名称',
    });
    expect(res.status).toBe(303);
    await notifier.settled();
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['buzheng@example.com']);
    expect(mail.subject).toContain('请补正');
    expect(mail.text).toContain('请写明所需信息的具体学校名称');
    expect(mail.text).toContain('2026-03-20');
  });

  it('a mail server that is down fails nothing: the application is filed, the failure is on the 发送记录 page', async () => {
    const down = createNotifier({
      db: t.db,
      clock,
      mail: smtpMailer('smtp://127.0.0.1:1', 'gongkai@example.gov.cn'),
      trackUrl: () => '',
    });
    const row = await file(down, 'nobody@example.com');
    await down.settled();
    const [failed] = await t.db.select().from(notifications).where(eq(notifications.caseId, row.id));
    expect(failed.status).toBe('failed');
    const b = await signedIn('clerk');
    const { html } = await b.get('/console/outbox?status=failed');
    expect(html).toContain('发送失败');
    expect(html).toContain('nobody@example.com');
    expect(html).toMatch(/ECONNREFUSED|connect/);
    expect(html).toContain('电子邮件：已开启；短信：已开启');
  });

  it('a reader who does not handle the cases sees recipients masked and no text', async () => {
    const b = await signedIn('reader');
    const { html } = await b.get('/console/outbox');
    expect(html).toContain('q***@example.com');
    expect(html).not.toContain('qianqi@example.com');
    expect(html).toContain('137****0000');
  });

  it('the office head keeps the agency’s own wording; it is used for the next message; a clerk cannot change it', async () => {
    const head = await signedIn('head');
    const page = await head.get('/console/outbox/templates');
    expect(page.html).toContain('收到申请（电子邮件）：系统默认');
    const saved = await head.post('/console/outbox/templates', {
      channel: 'email',
      event: 'received',
      version: 'new',
      title: '某县教育局已收到您的申请 {{查询码}}',
      body: '{{申请人}}：您的申请已收到，查询码{{查询码}}。',
    });
    expect(saved.status).toBe(303);
    // A second editor who opened the page before that save is refused, not overwriting it (#19).
    const stale = await head.post('/console/outbox/templates', {
      channel: 'email',
      event: 'received',
      version: 'new',
      title: '另一个标题',
      body: '{{申请人}}：另一种写法，查询码{{查询码}}。',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('本机关的通知模板已被他人修改');
    expect((await head.get('/console/outbox/templates')).html).toContain('收到申请（电子邮件）：本机关模板');
    const row = await file(notifier, 'own@example.com');
    await notifier.settled();
    expect(smtp.mails.at(-1)?.subject).toBe(`某县教育局已收到您的申请 ${row.trackingCode}`);
    expect(smtp.mails.at(-1)?.text).toBe(`钱七：您的申请已收到，查询码${row.trackingCode}。`);

    const clerk = await signedIn('clerk');
    await clerk.get('/console/outbox/templates');
    const refused = await clerk.post('/console/outbox/templates', {
      channel: 'email',
      event: 'received',
      version: 'new',
      title: 'x',
      body: '改成别的内容了',
    });
    expect(refused.status).toBe(403);
    const bad = await head.post('/console/outbox/templates', {
      channel: 'sms',
      event: 'received',
      version: 'new',
      title: 'SMS_9',
      body: '查询码{{查询编号}}',
    });
    expect(bad.status).toBe(400);
  });

  it('without a notifier (the default) the page says nothing is sent', async () => {
    const b = testBrowser(site(null));
    await b.get('/login');
    await b.post('/login', { username: 'clerk', password: TEST_PASSWORD });
    const { html } = await b.get('/console/outbox');
    expect(html).toContain('未配置邮件服务器和短信服务，不会发送通知');
  });
});
