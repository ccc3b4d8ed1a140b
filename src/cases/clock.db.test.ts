/**
 * Issue 13, item 2: the clock of a case in law, through the actions — one named test per statute point.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { casePauses, cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { endConsultation } from './actions/end-consultation.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { lapseFee } from './actions/lapse-fee.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { receiveCorrection } from './actions/receive-correction.ts';
import { recordConsultationReceipt } from './actions/record-consultation-receipt.ts';
import { recordFeeNoticeReceipt } from './actions/record-fee-notice-receipt.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { sendFeeNotice } from './actions/send-fee-notice.ts';
import { setReasonablePeriod } from './actions/set-reasonable-period.ts';
import { startConsultation } from './actions/start-consultation.ts';
import { inbox, overdueCounts } from './queries.ts';
import { recomputeOpenDueDates } from './recompute.ts';
import { sweepReminders } from './sweep.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let head: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
});
afterAll(() => t.close());

const at = (date: string) => ({ db: t.db, clock: fixedClock(date) });
/** 2025-03-03 (Mon): due 2025-03-31 (20 working days). */
const receive = (receivedOn = '2025-03-03', agencyId = tree.education.id) =>
  receiveApplication(at(receivedOn), {
    user: agencyId === tree.education.id ? staff : head,
    application: {
      agencyId,
      applicantType: 'natural_person',
      applicantName: '张三',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      channel: 'post',
      receivedOn,
      subject: '某学校校舍改造工程招标文件',
    },
  });

describe('逾期: one definition for inbox, supervision ranking and reminders', () => {
  it('a case waiting for its 补正 or its fee past the old due date is neither 逾期 nor reminded; a running one is', async () => {
    const agency = tree.town.id;
    await makeUser(t.db, { agency: tree.town, role: 'staff' });
    const mk = () =>
      receiveApplication(at('2025-03-03'), {
        user: null,
        application: {
          agencyId: agency,
          applicantType: 'natural_person',
          applicantName: '李四',
          idNumber: '11010519491231002X',
          phone: '13800000000',
          channel: 'online',
          subject: '某镇财政预算',
        },
      });
    const [running, correcting, paying] = [await mk(), await mk(), await mk()];
    const townHead = (await makeUser(t.db, { agency: tree.town, role: 'office_head' })).user;
    await requestCorrection(at('2025-03-05'), {
      user: townHead,
      caseId: correcting.id,
      deadline: '2025-05-30',
      what: '请写明年度',
    });
    await sendFeeNotice(at('2025-03-05'), {
      user: townHead,
      caseId: paying.id,
      basis: { mode: 'count', priorInMonth: 10, count: 3 },
    });
    const today = '2025-04-10';
    const rows = await inbox(t.db, [agency], today);
    const overdue = Object.fromEntries(rows.map((r) => [r.id, r.overdue]));
    expect(overdue).toEqual({ [running.id]: true, [correcting.id]: false, [paying.id]: false });
    const [counts] = await overdueCounts(t.db, [agency], today);
    expect(counts).toMatchObject({ open: 3, overdue: 1 });
    await sweepReminders({ db: t.db, clock: fixedClock(today) }, { limit: 100 });
    const reminded = await t.db
      .select({ id: cases.id, at: cases.remindedAt })
      .from(cases)
      .where(eq(cases.agencyId, agency));
    expect(reminded.filter((r) => r.at).map((r) => r.id)).toEqual([running.id]);
  });
});

describe('第三十条 补正: 一次性告知', () => {
  it('a second 补正 request is refused under the 2019 regime', async () => {
    const c = await receive();
    await requestCorrection(at('2025-03-05'), { user: staff, caseId: c.id, deadline: '2025-03-20', what: '写明名称' });
    await receiveCorrection(at('2025-03-10'), { user: staff, caseId: c.id, receivedOn: '2025-03-10' });
    await expect(
      requestCorrection(at('2025-03-11'), { user: staff, caseId: c.id, deadline: '2025-03-25', what: '再写明文号' }),
    ).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('一次性告知') });
  });
});

describe('第三十二条/第三十四条: each consultation its own, counted from the other party’s receipt', () => {
  it('one answer closes only its own consultation; the case stays 征求意见中 until the last', async () => {
    const c = await receive();
    await startConsultation(at('2025-03-10'), { user: staff, caseId: c.id, kind: 'third_party', party: '甲公司' });
    await startConsultation(at('2025-03-10'), { user: staff, caseId: c.id, kind: 'agency', party: '县自然资源局' });
    const [a, b] = await t.db.select().from(casePauses).where(eq(casePauses.caseId, c.id)).orderBy(casePauses.id);
    await expect(endConsultation(at('2025-03-12'), { user: staff, caseId: c.id })).rejects.toThrow(/2项征求意见/);
    const afterA = await endConsultation(at('2025-03-12'), { user: staff, caseId: c.id, consultationId: a.id });
    expect(afterA.state).toBe('consulting');
    const [bStill] = await t.db.select().from(casePauses).where(eq(casePauses.id, b.id));
    expect(bStill.toOn).toBeNull();
    const afterB = await endConsultation(at('2025-03-14'), { user: staff, caseId: c.id, consultationId: b.id });
    expect(afterB.state).toBe('received');
  });

  it('the 15 working days run from the party’s receipt: recording it moves the window and the due date', async () => {
    const c = await receive();
    const sent = await startConsultation(at('2025-03-10'), {
      user: staff,
      caseId: c.id,
      kind: 'third_party',
      party: '乙公司',
    });
    // Hand counts in src/law/case-clock.test.ts.
    expect(sent.dueOn).toBe('2025-04-23');
    const [p] = await t.db.select().from(casePauses).where(eq(casePauses.caseId, c.id));
    expect(p.replyDueOn).toBe('2025-03-31');
    const received = await recordConsultationReceipt(at('2025-03-13'), {
      user: staff,
      caseId: c.id,
      consultationId: p.id,
      receivedOn: '2025-03-12',
    });
    expect(received.dueOn).toBe('2025-04-25');
    const [q] = await t.db.select().from(casePauses).where(eq(casePauses.id, p.id));
    expect(q).toMatchObject({ partyReceivedOn: '2025-03-12', replyDueOn: '2025-04-02' });
  });
});

describe('信息处理费: the payment window from the applicant’s receipt; the wait not counted', () => {
  it('no payment deadline and no lapse until the receipt is recorded; then 20 working days from the next day', async () => {
    const c = await receive();
    const sent = await sendFeeNotice(at('2025-03-05'), {
      user: staff,
      caseId: c.id,
      basis: { mode: 'count', priorInMonth: 10, count: 3 },
    });
    expect(sent.feeDueOn).toBeNull();
    await expect(lapseFee(at('2025-06-10'), { user: staff, caseId: c.id })).rejects.toThrow(
      /尚未登记申请人收到收费通知/,
    );
    // Signed for 3/10: 3/11–14 (4); 3/17–21 (9); 3/24–28 (14); 3/31–4/3 (18); 4/4 清明; 4/7–8 (20).
    const received = await recordFeeNoticeReceipt(at('2025-03-11'), {
      user: staff,
      caseId: c.id,
      receivedOn: '2025-03-10',
    });
    expect(received.feeDueOn).toBe('2025-04-08');
    await expect(lapseFee(at('2025-04-08'), { user: staff, caseId: c.id })).rejects.toThrow(/尚未届满/);
    await expect(lapseFee(at('2025-04-09'), { user: staff, caseId: c.id })).resolves.toMatchObject({
      outcome: 'other.fee_unpaid',
    });
  });
});

describe('第三十三条第二款: the extension’s length chosen and the applicant’s notice recorded', () => {
  it.each<[string, { days?: number; notifiedOn?: string }, string | null, string | null]>([
    // First due 3/31; +10: 4/1–3 (3); 4/4 清明; 4/7–11 (8); 4/14–15 (10).
    ['10 working days, the applicant told on 3/20', { days: 10, notifiedOn: '2025-03-20' }, '2025-04-15', null],
    ['the maximum by default', {}, '2025-04-28', null],
    ['21 days refused', { days: 21 }, null, '1至20个工作日'],
    ['told before the application arrived: refused', { notifiedOn: '2025-03-01' }, null, '告知申请人的日期'],
  ])('%s', async (_name, input, due, refusal) => {
    const c = await receive();
    const run = extendDeadline(at('2025-03-20'), { user: head, caseId: c.id, reason: '需调取档案', ...input });
    if (refusal) await expect(run).rejects.toThrow(refusal);
    else {
      const e = await run;
      expect(e).toMatchObject({
        dueOn: due,
        extensionDays: input.days ?? 20,
        extensionNotifiedOn: input.notifiedOn ?? null,
      });
      const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.extend' });
      expect(event.data).toMatchObject({ days: input.days ?? 20 });
    }
  });
});

describe('第三十五条: a reasonable later date for a large request', () => {
  it('replaces the statutory due date, told to the applicant, approved by the office head; not under 2007', async () => {
    const c = await receive();
    await expect(
      setReasonablePeriod(at('2025-03-20'), { user: staff, caseId: c.id, dueOn: '2025-05-30', reason: '申请量大' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setReasonablePeriod(at('2025-03-20'), { user: head, caseId: c.id, dueOn: '2025-03-28', reason: '申请量大' }),
    ).rejects.toThrow(/应晚于法定答复期限/);
    const set = await setReasonablePeriod(at('2025-03-20'), {
      user: head,
      caseId: c.id,
      dueOn: '2025-05-30',
      reason: '申请人说明系课题研究所需，涉及十年档案',
    });
    expect(set).toMatchObject({ dueOn: '2025-05-30', reasonableDueOn: '2025-05-30', reasonableSetOn: '2025-03-20' });
    expect(set.dueExplanation.join('\n')).toContain('第三十五条');
    const old = await receive('2018-03-01');
    await expect(
      setReasonablePeriod(at('2018-03-05'), { user: head, caseId: old.id, dueOn: '2018-06-01', reason: '申请量大' }),
    ).rejects.toThrow(/2007年《条例》没有第三十五条/);
  });
});

describe('the reply date is checked (it decides the report year)', () => {
  it.each([
    ['before the application was received', '2025-03-01', '不能早于收到申请的日期'],
    ['in the future', '2025-03-21', '不能晚于今天'],
    ['an impossible date', '2025-02-30', 'YYYY-MM-DD'],
  ])('refuses a reply dated %s, changing nothing', async (_name, repliedOn, message) => {
    const c = await receive();
    await expect(
      replyToApplication(at('2025-03-20'), { user: staff, caseId: c.id, outcome: 'granted', repliedOn }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining(message) });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ state: 'received', closedOn: null });
  });
});

describe('2007 regime: consulting another agency does not pause the clock (第二十四条第三款)', () => {
  it('the due date stays the statutory one while another agency is consulted', async () => {
    // 2018-03-01: 15 working days → 2018-03-22.
    const c = await receive('2018-03-01');
    expect(c.dueOn).toBe('2018-03-22');
    const consulting = await startConsultation(at('2018-03-05'), {
      user: staff,
      caseId: c.id,
      kind: 'agency',
      party: '市自然资源局',
    });
    expect(consulting.dueOn).toBe('2018-03-22');
    const third = await startConsultation(at('2018-03-05'), {
      user: staff,
      caseId: c.id,
      kind: 'third_party',
      party: '某公司',
    });
    expect(third.dueOn > '2018-03-22').toBe(true);
  });
});

describe('carrying existing cases over: due dates stored under the old rules are recomputed with why', () => {
  it('changes only what the law says was wrong, counting each reason (gongkai migrate)', async () => {
    const db = await createTestDb();
    try {
      await seedCalendar(db.db);
      const local = await makeAgencyTree(db.db);
      const row = {
        agencyId: local.education.id,
        applicantType: 'natural_person' as const,
        applicantName: '王五',
        idNumber: '11010519491231002X',
        channel: 'post' as const,
        subject: '某文件',
        firstDueOn: '2000-01-01',
      };
      // Stored as the old code computed them.
      const [plain, fee, old2007] = await db.db
        .insert(cases)
        .values([
          { ...row, trackingCode: 'PLAIN00001', regime: '2019', receivedOn: '2025-03-03', dueOn: '2025-03-31' },
          {
            ...row,
            trackingCode: 'FEE0000001',
            regime: '2019',
            receivedOn: '2025-03-03',
            dueOn: '2025-03-31',
            state: 'received',
            feeYuan: 300,
            feeNoticeOn: '2025-03-05',
            feeNoticeReceivedOn: '2025-03-05',
            feePaidOn: '2025-03-14',
          },
          // 2007: the old code paused the clock for another agency's consultation 3/5–3/9.
          { ...row, trackingCode: 'OLD2007001', regime: '2007', receivedOn: '2018-03-01', dueOn: '2018-03-29' },
        ])
        .returning();
      await db.db.insert(casePauses).values({
        caseId: old2007.id,
        kind: 'agency',
        party: '市局',
        fromOn: '2018-03-05',
        toOn: '2018-03-09',
        replyDueOn: '2018-03-26',
      });
      const summary = await db.db.transaction((tx) =>
        recomputeOpenDueDates(tx, { at: new Date('2026-12-03T02:00:00Z'), actorId: null }),
      );
      expect(summary).toMatchObject({ checked: 3, changed: 2 });
      expect(summary.reasons).toEqual({
        '等待缴纳信息处理费的期间不计入答复期限（FEE_WAIT_STOPS_CLOCK）': 1,
        '2007年《条例》第二十四条第三款：征求其他机关意见的时间照常计算': 1,
      });
      const after = Object.fromEntries((await db.db.select().from(cases)).map((c) => [c.id, c.dueOn]));
      // Hand counts in src/law/case-clock.test.ts.
      expect(after).toEqual({ [plain.id]: '2025-03-31', [fee.id]: '2025-04-11', [old2007.id]: '2018-03-22' });
      const [event] = await listAudit(db.db, { entityType: 'case', entityId: fee.id, action: 'case.due_recomputed' });
      expect(event.data).toMatchObject({ from: '2025-03-31', to: '2025-04-11' });
    } finally {
      await db.close();
    }
  });
});
