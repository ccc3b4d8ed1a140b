import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { cases } from '../db/schema/cases.ts';
import { createTestDb, race, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { endConsultation } from './actions/end-consultation.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { lapseCorrection } from './actions/lapse-correction.ts';
import { lapseFee } from './actions/lapse-fee.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { receiveCorrection } from './actions/receive-correction.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { sendFeeNotice } from './actions/send-fee-notice.ts';
import { startConsultation } from './actions/start-consultation.ts';
import { withdrawApplication } from './actions/withdraw.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let head: Awaited<ReturnType<typeof makeUser>>['user'];
let otherStaff: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
  otherStaff = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
});
afterAll(() => t.close());

const at = (date: string) => ({ db: t.db, clock: fixedClock(date) });
const receive = (receivedOn: string, today = receivedOn) =>
  receiveApplication(at(today), {
    user: staff,
    application: {
      agencyId: tree.education.id,
      applicantType: 'natural_person',
      applicantName: '张三',
      phone: '13812345678',
      channel: 'post',
      receivedOn,
      subject: '某学校校舍改造工程招标文件',
    },
  });

describe('the statute through the case actions', () => {
  it('receipt before 国庆 2025: due 2025-10-30, with its explanation stored', async () => {
    const c = await receive('2025-09-26');
    expect(c.dueOn).toBe('2025-10-30');
    expect(c.dueExplanation.join('')).toContain('调休上班日');
    expect(c.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
  });

  it('补正 restarts the period from the correction’s receipt; the notice is checked against 7 working days', async () => {
    const c = await receive('2025-03-03');
    await requestCorrection(at('2025-03-05'), {
      user: staff,
      caseId: c.id,
      deadline: '2025-03-20',
      what: '请明确所需信息的名称',
    });
    const after = await receiveCorrection(at('2025-03-10'), { user: staff, caseId: c.id, receivedOn: '2025-03-10' });
    expect(after.state).toBe('received');
    expect(after.dueOn).toBe('2025-04-08');
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.request_correction' });
    expect(event.data).toMatchObject({ noticeDue: '2025-03-12', late: false });
  });

  it('no 补正 by the stated deadline closes the case as 视为放弃 (其他处理 1)', async () => {
    const c = await receive('2025-03-03');
    await requestCorrection(at('2025-03-04'), {
      user: staff,
      caseId: c.id,
      deadline: '2025-03-14',
      what: '补充身份证明',
    });
    await expect(lapseCorrection(at('2025-03-14'), { user: staff, caseId: c.id })).rejects.toThrow(/尚未届满/);
    const closed = await lapseCorrection(at('2025-03-17'), { user: staff, caseId: c.id });
    expect(closed).toMatchObject({ state: 'replied', outcome: 'other.no_correction', closedOn: '2025-03-17' });
  });

  it('a consultation pause is not counted', async () => {
    const c = await receive('2025-03-03');
    await startConsultation(at('2025-03-10'), {
      user: staff,
      caseId: c.id,
      kind: 'third_party',
      party: '某公司',
      sentOn: '2025-03-10',
    });
    const back = await endConsultation(at('2025-03-14'), { user: staff, caseId: c.id, answeredOn: '2025-03-14' });
    expect(back.dueOn).toBe('2025-04-08');
  });

  it('an extension needs the office head, is granted once, and never after the first period', async () => {
    const c = await receive('2025-03-03');
    await expect(
      extendDeadline(at('2025-03-20'), { user: staff, caseId: c.id, reason: '需要调档' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const extended = await extendDeadline(at('2025-03-20'), {
      user: head,
      caseId: c.id,
      reason: '涉及档案调取，需延期',
    });
    expect(extended).toMatchObject({
      extended: true,
      firstDueOn: '2025-03-31',
      dueOn: '2025-04-28',
      extensionApprovedBy: head.id,
    });
    await expect(extendDeadline(at('2025-03-21'), { user: head, caseId: c.id, reason: '再次延期' })).rejects.toThrow(
      /已经延长过/,
    );
    const late = await receive('2025-03-03');
    await expect(
      extendDeadline(at('2025-04-01'), { user: head, caseId: late.id, reason: '迟到的延期' }),
    ).rejects.toThrow(/已过/);
  });

  it('an unpaid fee closes the case as 其他处理 2', async () => {
    const c = await receive('2025-03-03');
    const notified = await sendFeeNotice(at('2025-03-05'), {
      user: staff,
      caseId: c.id,
      basis: { mode: 'count', priorInMonth: 10, count: 3 },
      noticeReceivedOn: '2025-03-05',
    });
    expect(notified).toMatchObject({ state: 'awaiting_fee', feeYuan: 300 });
    const closed = await lapseFee(at('2025-04-10'), { user: staff, caseId: c.id });
    expect(closed.outcome).toBe('other.fee_unpaid');
  });

  it('a reply takes exactly one statutory outcome with its basis; a withdrawal counts as 其他处理', async () => {
    const c = await receive('2025-03-03');
    await expect(
      replyToApplication(at('2025-03-10'), { user: staff, caseId: c.id, outcome: 'nonsense' }),
    ).rejects.toBeInstanceOf(AppError);
    const replied = await replyToApplication(at('2025-03-10'), {
      user: staff,
      caseId: c.id,
      outcome: 'withheld.process_info',
      text: '所申请信息为内部讨论记录，属于过程性信息。',
    });
    expect(replied.outcomeBasis).toContain('第十六条');
    await expect(withdrawApplication(at('2025-03-11'), { user: staff, caseId: c.id })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    const w = await withdrawApplication(at('2025-03-11'), { user: staff, caseId: (await receive('2025-03-03')).id });
    expect(w.outcome).toBe('other.other');
  });

  it('the 2007 regime applies to an application received before 2019-05-15', async () => {
    const c = await receive('2018-03-01', '2018-03-01');
    expect(c).toMatchObject({ regime: '2007', dueOn: '2018-03-22' });
  });

  it('another agency’s staff cannot act on the case', async () => {
    const c = await receive('2025-03-03');
    await expect(
      replyToApplication(at('2025-03-10'), { user: otherStaff, caseId: c.id, outcome: 'granted' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('every transition is audited in the same transaction as the change', async () => {
    const c = await receive('2025-03-03');
    await replyToApplication(at('2025-03-10'), { user: staff, caseId: c.id, outcome: 'granted' });
    const actions = (await listAudit(t.db, { entityType: 'case', entityId: c.id })).map((e) => e.action);
    expect(actions).toEqual(['case.reply', 'case.received']);
  });
});

describe('concurrency', () => {
  it('50 concurrent staff actions on the same cases lose no update', async () => {
    const targets = await Promise.all(Array.from({ length: 5 }, () => receive('2025-03-03')));
    // Each case gets 10 consultations started at once; all must be kept and the version must count them.
    const results = await race(50, (i) =>
      startConsultation(at('2025-03-05'), {
        user: staff,
        caseId: targets[i % 5].id,
        kind: 'agency',
        party: `机关${i}`,
        sentOn: '2025-03-05',
      }),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const target of targets) {
      const [row] = await t.db.select().from(cases).where(eq(cases.id, target.id));
      expect(row.version).toBe(target.version + 10);
      const events = await listAudit(t.db, {
        entityType: 'case',
        entityId: target.id,
        action: 'case.start_consultation',
      });
      expect(events).toHaveLength(10);
    }
  });

  it('a stale form is refused instead of overwriting', async () => {
    const c = await receive('2025-03-03');
    await startConsultation(at('2025-03-05'), {
      user: staff,
      caseId: c.id,
      kind: 'agency',
      party: '甲',
      sentOn: '2025-03-05',
      expectedVersion: c.version,
    });
    await expect(
      startConsultation(at('2025-03-05'), {
        user: staff,
        caseId: c.id,
        kind: 'agency',
        party: '乙',
        sentOn: '2025-03-05',
        expectedVersion: c.version,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('named edge cases of 补正, consultation and extension', () => {
  it.each<[string, 'head' | 'staff' | 'otherHead', string, string | null]>([
    ['the office head extends on the last day of the first period', 'head', '2025-03-31', null],
    ['the office head cannot extend the day after the first period ended', 'head', '2025-04-01', '已过'],
    ['a clerk cannot approve an extension', 'staff', '2025-03-20', 'forbidden'],
    ['another agency’s office head cannot approve it', 'otherHead', '2025-03-20', 'forbidden'],
  ])('%s', async (_name, who, on, refusal) => {
    const otherHead = (await makeUser(t.db, { agency: tree.town, role: 'office_head' })).user;
    const user = { head, staff, otherHead }[who];
    const c = await receive('2025-03-03');
    const run = extendDeadline(at(on), { user, caseId: c.id, reason: '需要协调多个机关' });
    if (refusal === null) await expect(run).resolves.toMatchObject({ extended: true, dueOn: '2025-04-28' });
    else if (refusal === 'forbidden') await expect(run).rejects.toMatchObject({ code: 'forbidden' });
    else await expect(run).rejects.toThrow(refusal);
  });

  it.each<[string, string, string, string]>([
    ['补正 arriving the same day restarts 20 working days from it', '2025-03-05', '2025-03-05', '2025-04-02'],
    ['补正 arriving before 清明 skips the holiday', '2025-03-20', '2025-03-20', '2025-04-18'],
  ])('%s', async (_name, requestedOn, correctedOn, due) => {
    const c = await receive('2025-03-03');
    await requestCorrection(at(requestedOn), {
      user: staff,
      caseId: c.id,
      deadline: '2025-04-30',
      what: '明确信息名称',
    });
    const after = await receiveCorrection(at(correctedOn), { user: staff, caseId: c.id, receivedOn: correctedOn });
    expect(after.dueOn).toBe(due);
  });

  it('a consultation answered after its 15 working days pauses the period only for those 15 days (the reply was due 2025-03-31)', async () => {
    const c = await receive('2025-03-03');
    await startConsultation(at('2025-03-10'), {
      user: staff,
      caseId: c.id,
      kind: 'agency',
      party: '县自然资源局',
      sentOn: '2025-03-10',
    });
    const late = await endConsultation(at('2025-04-30'), { user: staff, caseId: c.id, answeredOn: '2025-04-30' });
    const onTime = await receive('2025-03-03');
    await startConsultation(at('2025-03-10'), {
      user: staff,
      caseId: onTime.id,
      kind: 'agency',
      party: '县自然资源局',
      sentOn: '2025-03-10',
    });
    const atLimit = await endConsultation(at('2025-03-31'), {
      user: staff,
      caseId: onTime.id,
      answeredOn: '2025-03-31',
    });
    expect(late.dueOn).toBe(atLimit.dueOn);
    expect(late.dueOn > c.dueOn).toBe(true);
  });
});
