import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { receiveApplication } from '../cases/actions/receive-application.ts';
import { type Clock, fixedClock } from '../clock.ts';
import { makeAgencyTree } from '../db/factories.ts';
import { caseDocumentTemplates } from '../db/schema/cases.ts';
import { notifications } from '../db/schema/notifications.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { smtpMailer } from './mailer.ts';
import { createNotifier, type NotifierDeps } from './notifier.ts';
import { parseQuietHours } from './quiet-hours.ts';
import { aliyunSms } from './sms.ts';
import { type FakeSms, startFakeSms, startTestSmtp } from './testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let sms: FakeSms;
let at = new Date('2026-03-02T10:00:00+08:00');
const clock: Clock = { now: () => new Date(at), today: () => fixedClock(at.toISOString()).today() };

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  smtp = await startTestSmtp();
  sms = await startFakeSms('sms-secret');
});
afterAll(async () => {
  await smtp.close();
  await sms.close();
  await t.close();
});

const notifier = (over: Partial<NotifierDeps> = {}) =>
  createNotifier({
    db: t.db,
    clock,
    mail: smtpMailer(smtp.url, '示范县政府信息公开 <gongkai@example.gov.cn>'),
    sms: aliyunSms({ accessKeyId: 'id', accessKeySecret: 'sms-secret', signName: '示范县', endpoint: sms.endpoint }),
    quietHours: parseQuietHours('21:00-08:00'),
    smsTemplateCodes: { received: 'SMS_0001', correction: 'SMS_0002', reply: 'SMS_0005' },
    trackUrl: (code) => `https://xxgk.example.gov.cn/track?code=${code}`,
    ...over,
  });

let n = 0;
async function newCase(contact: { email?: string; phone?: string }) {
  return receiveApplication(
    { db: t.db, clock },
    {
      user: null,
      application: {
        agencyId: tree.education.id,
        applicantType: 'natural_person',
        applicantName: '王五',
        idNumber: '11010519491231002X',
        address: '某县某路1号',
        ...contact,
        channel: 'online',
        subject: `2025年义务教育学校布局调整方案（${++n}）`,
      },
    },
  );
}
const recorded = (caseId: number) => t.db.select().from(notifications).where(eq(notifications.caseId, caseId));

describe('the applicant told by e-mail and SMS', () => {
  it('at receipt: an e-mail with the 查询码 arrives at the SMTP server, an SMS goes to the provider, both recorded', async () => {
    const c = await newCase({ email: 'wangwu@example.com', phone: '139 1234 5678' });
    const before = smtp.mails.length;
    const note = notifier();
    note.caseEvent(c.id, 'received');
    await note.settled();
    const mail = smtp.mails.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['wangwu@example.com']);
    expect(mail[0].subject).toBe(`您的政府信息公开申请已收到（查询码 ${c.trackingCode}）`);
    expect(mail[0].text).toContain(`查询码：${c.trackingCode}`);
    expect(mail[0].text).toContain(`答复期限：${c.dueOn}`);
    expect(mail[0].text).toContain(`https://xxgk.example.gov.cn/track?code=${c.trackingCode}`);
    const text = sms.sent.at(-1)!;
    expect(text.PhoneNumbers).toBe('13912345678');
    expect(text.TemplateCode).toBe('SMS_0001');
    expect(JSON.parse(text.TemplateParam)).toMatchObject({ code: c.trackingCode, due: c.dueOn, agency: '某县教育局' });
    const rows = await recorded(c.id);
    expect(rows.map((r) => [r.channel, r.status, r.event]).sort()).toEqual([
      ['email', 'sent', 'received'],
      ['sms', 'sent', 'received'],
    ]);
    expect(rows.find((r) => r.channel === 'sms')?.providerId).toMatch(/^biz-/);
  });

  it('补正 says what to correct', async () => {
    const c = await newCase({ email: 'li@example.com' });
    const note = notifier();
    note.caseEvent(c.id, 'correction', { 补正事项: '请写明所需信息的文号或者发布时间' });
    await note.settled();
    expect(smtp.mails.at(-1)?.text).toContain('请写明所需信息的文号或者发布时间');
    expect(smtp.mails.at(-1)?.subject).toContain('请补正');
  });

  it('a mail server that is down: the failure is recorded with its reason, nothing is thrown', async () => {
    const c = await newCase({ email: 'down@example.com' });
    const note = notifier({ mail: smtpMailer('smtp://127.0.0.1:1', 'x@example.com'), sms: null });
    note.caseEvent(c.id, 'received');
    await note.settled();
    const [row] = await recorded(c.id);
    expect(row).toMatchObject({ channel: 'email', status: 'failed', recipient: 'down@example.com', attempts: 1 });
    expect(row.error).toMatch(/ECONNREFUSED|connect/);
  });

  it('an SMS the provider refuses is recorded as failed with its code', async () => {
    const c = await newCase({ phone: '13800000002' });
    sms.failWith = 'isv.BUSINESS_LIMIT_CONTROL';
    try {
      const note = notifier({ mail: null });
      note.caseEvent(c.id, 'received');
      await note.settled();
    } finally {
      sms.failWith = null;
    }
    const [row] = await recorded(c.id);
    expect(row).toMatchObject({ channel: 'sms', status: 'failed' });
    expect(row.error).toContain('isv.BUSINESS_LIMIT_CONTROL');
  });

  it('quiet hours: an SMS due at 22:00 is held and goes at 08:00; the e-mail goes at once', async () => {
    const c = await newCase({ email: 'night@example.com', phone: '13800000003' });
    at = new Date('2026-03-02T22:00:00+08:00');
    const note = notifier();
    note.caseEvent(c.id, 'received');
    await note.settled();
    let rows = await recorded(c.id);
    expect(rows.find((r) => r.channel === 'email')?.status).toBe('sent');
    const held = rows.find((r) => r.channel === 'sms')!;
    expect(held.status).toBe('held');
    expect(held.sendAfter?.toISOString()).toBe(new Date('2026-03-03T08:00:00+08:00').toISOString());
    const sentBefore = sms.sent.length;
    at = new Date('2026-03-03T07:30:00+08:00');
    expect(await note.sendHeld()).toBe(0);
    at = new Date('2026-03-03T08:01:00+08:00');
    expect(await note.sendHeld()).toBe(1);
    expect(sms.sent.length).toBe(sentBefore + 1);
    rows = await recorded(c.id);
    expect(rows.find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 1 });
    at = new Date('2026-03-02T10:00:00+08:00');
  });

  it('an agency’s own wording is used', async () => {
    await t.db.insert(caseDocumentTemplates).values({
      agencyId: tree.education.id,
      kind: 'notice.email.reply',
      title: '教育局答复通知 {{查询码}}',
      body: '{{申请人}}您好，您的申请已办结，结果：{{答复结果}}。',
    });
    const c = await newCase({ email: 'own@example.com' });
    const note = notifier({ sms: null });
    note.caseEvent(c.id, 'reply');
    await note.settled();
    expect(smtp.mails.at(-1)?.subject).toBe(`教育局答复通知 ${c.trackingCode}`);
    expect(smtp.mails.at(-1)?.text).toBe('王五您好，您的申请已办结，结果：________。');
  });

  it('no mobile number (a fixed line) gets no SMS; nothing configured sends and records nothing', async () => {
    const c = await newCase({ phone: '010-12345678' });
    const note = notifier({ mail: null });
    note.caseEvent(c.id, 'received');
    await note.settled();
    expect(await recorded(c.id)).toEqual([]);
    const off = createNotifier({ db: t.db, clock, trackUrl: () => '' });
    expect(off.channels).toEqual({ email: false, sms: false });
    off.caseEvent(c.id, 'received');
    await off.settled();
    expect(await recorded(c.id)).toEqual([]);
  });
});
