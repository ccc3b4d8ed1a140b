/**
 * Issue 13: 送达 was not recorded at all. 国办公开办函〔2016〕235号 (as the issue quotes it): by post, never
 * 到付; the answer date is the posting date; the EMS number and the signing date are kept.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { caseDeliveries, cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { recordDelivery } from './actions/record-delivery.ts';
import { recordDeliverySigned } from './actions/record-delivery-signed.ts';
import { replyToApplication } from './actions/reply.ts';
import { listDeliveries } from './deliveries.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
});
afterAll(() => t.close());

const at = (date: string) => ({ db: t.db, clock: fixedClock(date) });
/** Received 2025-03-03: due 2025-03-31. */
async function replied(repliedOn: string) {
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
  return replyToApplication(at(repliedOn), { user: staff, caseId: c.id, outcome: 'granted', repliedOn });
}

describe('送达 by post: the answer date is the posting date', () => {
  it.each([
    ['signed 3/28, posted 4/1: answered 4/1, after the due date 3/31', '2025-03-28', '2025-04-01', '2025-04-01'],
    ['entered 4/2, posted 3/31: answered 3/31, on time', '2025-04-02', '2025-03-31', '2025-03-31'],
  ])('%s', async (_name, repliedOn, postedOn, answerDate) => {
    const c = await replied(repliedOn);
    const after = await recordDelivery(at('2025-04-02'), {
      user: staff,
      caseId: c.id,
      method: 'ems',
      trackingNumber: 'ea123456789cn',
      sentOn: postedOn,
    });
    expect(after.closedOn).toBe(answerDate);
    const [d] = await listDeliveries(t.db, c.id);
    expect(d).toMatchObject({ method: 'ems', trackingNumber: 'EA123456789CN', sentOn: postedOn, signedOn: null });
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.record_delivery' });
    expect(event.data).toMatchObject({
      answerDateFrom: repliedOn,
      answerDateTo: postedOn,
      trackingNumber: 'EA123456789CN',
    });
  });

  it('the signing date is recorded later from the tracking; the answer date stays the posting date', async () => {
    const c = await replied('2025-03-28');
    await recordDelivery(at('2025-03-28'), {
      user: staff,
      caseId: c.id,
      method: 'registered_mail',
      trackingNumber: '1234567890123',
      sentOn: '2025-03-28',
    });
    const [d] = await listDeliveries(t.db, c.id);
    await expect(
      recordDeliverySigned(at('2025-04-03'), { user: staff, caseId: c.id, deliveryId: d.id, signedOn: '2025-03-27' }),
    ).rejects.toThrow(/签收日期早于交邮/);
    const signed = await recordDeliverySigned(at('2025-04-03'), {
      user: staff,
      caseId: c.id,
      deliveryId: d.id,
      signedOn: '2025-04-01',
    });
    expect(signed.closedOn).toBe('2025-03-28');
    expect((await listDeliveries(t.db, c.id))[0].signedOn).toBe('2025-04-01');
  });

  it('e-mail delivery keeps the reply date', async () => {
    const c = await replied('2025-03-28');
    const after = await recordDelivery(at('2025-03-29'), {
      user: staff,
      caseId: c.id,
      method: 'email',
      sentOn: '2025-03-29',
    });
    expect(after.closedOn).toBe('2025-03-28');
  });

  it.each([
    ['post without its number', { method: 'ems', sentOn: '2025-03-28' }, '邮件号码'],
    ['a malformed number', { method: 'ems', trackingNumber: '12-34', sentOn: '2025-03-28' }, '格式不正确'],
    [
      'a posting date in the future',
      { method: 'ems', trackingNumber: 'EA123456789CN', sentOn: '2025-05-01' },
      '不能晚于今天',
    ],
    ['an unknown method (到付 is not one)', { method: 'cod', sentOn: '2025-03-28' }, '送达方式'],
  ])('refuses %s', async (_name, input, message) => {
    const c = await replied('2025-03-28');
    await expect(recordDelivery(at('2025-04-02'), { user: staff, caseId: c.id, ...input })).rejects.toThrow(message);
    expect(await listDeliveries(t.db, c.id)).toEqual([]);
  });

  it('is refused before the reply', async () => {
    const c = await receiveApplication(at('2025-03-03'), {
      user: staff,
      application: {
        agencyId: tree.education.id,
        applicantType: 'natural_person',
        applicantName: '张三',
        phone: '13812345678',
        channel: 'post',
        receivedOn: '2025-03-03',
        subject: '某文件',
      },
    });
    await expect(
      recordDelivery(at('2025-03-10'), { user: staff, caseId: c.id, method: 'email', sentOn: '2025-03-10' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('the database refuses a postal delivery without its number (CHECK)', async () => {
    const c = await replied('2025-03-28');
    await expect(
      t.db.insert(caseDeliveries).values({ caseId: c.id, method: 'ems', sentOn: '2025-03-28' }),
    ).rejects.toThrow();
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row.closedOn).toBe('2025-03-28');
  });
});
