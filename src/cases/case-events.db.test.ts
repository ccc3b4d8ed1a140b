/**
 * A case is its statutory events (issue #13): every action appends one, in order, in its transaction; the table
 * refuses change; a case from before the table is carried in with no due date changed.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { caseEvents, casePauses, cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { endConsultation } from './actions/end-consultation.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { receiveCorrection } from './actions/receive-correction.ts';
import { recordDelivery } from './actions/record-delivery.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { startConsultation } from './actions/start-consultation.ts';
import { backfillCaseEvents, caseEventsOf } from './case-events.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let head: Awaited<ReturnType<typeof makeUser>>['user'];
const at = (d: string) => ({ db: t.db, clock: fixedClock(`${d}T10:00:00+08:00`) });

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
});
afterAll(() => t.close());

describe('the event table', () => {
  it('each action appends its event with its statutory day; the clock is folded from them', async () => {
    const c = await receiveApplication(at('2025-03-03'), {
      user: staff,
      application: {
        agencyId: tree.education.id,
        applicantType: 'natural_person',
        applicantName: '张三',
        phone: '13812345678',
        channel: 'post',
        receivedOn: '2025-03-03',
        subject: '某学校校舍改造工程招标文件',
      },
    });
    const u = { user: staff, caseId: c.id };
    await requestCorrection(at('2025-03-05'), { ...u, deadline: '2025-03-20', what: '请明确所需信息的名称' });
    await receiveCorrection(at('2025-03-10'), { ...u, receivedOn: '2025-03-10' });
    await startConsultation(at('2025-03-12'), { ...u, kind: 'third_party', party: '某建设公司' });
    await endConsultation(at('2025-03-19'), { ...u, answeredOn: '2025-03-19' });
    await extendDeadline(at('2025-04-01'), { user: head, caseId: c.id, reason: '需调取档案', days: 10 });
    await replyToApplication(at('2025-04-10'), { ...u, outcome: 'granted' });
    await recordDelivery(at('2025-04-10'), {
      ...u,
      method: 'ems',
      sentOn: '2025-04-10',
      trackingNumber: 'EA123456789CN',
    });
    const events = await caseEventsOf(t.db, c.id);
    expect(events.map((e) => [e.kind, e.on])).toEqual([
      ['received', '2025-03-03'],
      ['correction_requested', '2025-03-05'],
      ['correction_received', '2025-03-10'],
      ['consultation_sent', '2025-03-12'],
      ['consultation_answered', '2025-03-19'],
      ['extended', '2025-04-01'],
      ['replied', '2025-04-10'],
      ['delivered', '2025-04-10'],
    ]);
    expect(events.find((e) => e.kind === 'extended')?.data).toMatchObject({ days: 10 });
  });

  it('refuses to change or remove an event', async () => {
    const [first] = await t.db.select().from(caseEvents).orderBy(asc(caseEvents.id)).limit(1);
    const why = (p: Promise<unknown>) =>
      p.then(
        () => '',
        (e) => String(e.cause?.message ?? e.message),
      );
    expect(await why(t.db.update(caseEvents).set({ on: '2020-01-01' }).where(eq(caseEvents.id, first.id)))).toMatch(
      /append-only/,
    );
    expect(await why(t.db.delete(caseEvents).where(eq(caseEvents.id, first.id)))).toMatch(/append-only/);
  });

  it('a case from before the table is carried in with every fact, no due date changed, then goes on', async () => {
    const received = await receiveApplication(at('2025-05-06'), {
      user: staff,
      application: {
        agencyId: tree.education.id,
        applicantType: 'natural_person',
        applicantName: '李四',
        phone: '13812345678',
        channel: 'post',
        receivedOn: '2025-05-06',
        subject: '某项目环评批复',
      },
    });
    // As a case stored before the event table: its facts on the row, a consultation, no events.
    const [legacy] = await t.db
      .insert(cases)
      .values({
        ...received,
        id: undefined,
        trackingCode: 'LEGACY2345',
        state: 'consulting',
        extended: true,
        extendedOn: '2025-05-30',
        extensionDays: null,
      } as never)
      .returning();
    await t.db.insert(casePauses).values({
      caseId: legacy.id,
      kind: 'agency',
      party: '某县自然资源局',
      fromOn: '2025-05-08',
      replyDueOn: '2025-05-29',
    });
    const carried = await backfillCaseEvents(t.db, '2025-05-09');
    expect(carried.carried).toBe(1);
    expect((await caseEventsOf(t.db, legacy.id)).map((e) => e.kind)).toEqual([
      'received',
      'consultation_sent',
      'extended',
    ]);
    const again = await backfillCaseEvents(t.db, '2025-05-09');
    expect(again.carried).toBe(0);
    await endConsultation(at('2025-05-12'), { user: staff, caseId: legacy.id, answeredOn: '2025-05-12' });
    expect((await caseEventsOf(t.db, legacy.id)).map((e) => e.kind)).toEqual([
      'received',
      'consultation_sent',
      'extended',
      'consultation_answered',
    ]);
  });
});
