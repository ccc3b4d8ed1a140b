/**
 * 转办 (issue #14): a case goes to the agency of the same government that holds the information; its clock
 * runs from that agency's receipt; only before any other step; never outside the government's tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgency, makeAgencyTree, makeUser } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { receiveApplication } from './receive-application.ts';
import { requestCorrection } from './request-correction.ts';
import { transferCase } from './transfer-case.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let clerk: Awaited<ReturnType<typeof makeUser>>['user'];
const filedOn = fixedClock('2025-03-03T09:00:00+08:00');
const transferredOn = fixedClock('2025-03-10T09:00:00+08:00');

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  clerk = (await makeUser(t.db, { agency: tree.county, role: 'staff' })).user;
});
afterAll(() => t.close());

const file = () =>
  receiveApplication(
    { db: t.db, clock: filedOn },
    {
      user: null,
      application: {
        agencyId: tree.county.id,
        applicantType: 'natural_person',
        applicantName: '孙七',
        idNumber: '11010519491231002X',
        phone: '13812345678',
        channel: 'online',
        subject: '某县2024年义务教育学校校舍维修资金明细',
      },
    },
  );

describe('转办 within one government', () => {
  it('moves the case to the bureau; its 20 working days run from the bureau’s receipt; audited with both', async () => {
    const c = await file();
    expect(c.dueOn).toBe('2025-03-31');
    const moved = await transferCase(
      { db: t.db, clock: transferredOn },
      { user: clerk, caseId: c.id, toAgencyId: tree.education.id, reason: '该信息由县教育局制作并保存' },
    );
    expect(moved).toMatchObject({ agencyId: tree.education.id, receivedOn: '2025-03-10', handlerId: null });
    // From Monday 2025-03-10, the receipt day not counted: 3/11–3/14, 3/17–3/28, 3/31–4/3 (4/4 清明), 4/7, 4/8.
    expect(moved.dueOn).toBe('2025-04-08');
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.transfer' });
    expect(event.data).toMatchObject({
      fromAgencyId: tree.county.id,
      toAgencyId: tree.education.id,
      firstReceivedOn: '2025-03-03',
    });
  });

  it.each([
    ['to the same agency', () => tree.county.id, '不能转办给本机关'],
    [
      'outside the government',
      async () => (await makeAgency(t.db, { name: '邻县人民政府', kind: 'government' })).id,
      '不属于本级政府',
    ],
  ])('is refused %s', async (_name, target, message) => {
    const c = await file();
    await expect(
      transferCase(
        { db: t.db, clock: transferredOn },
        { user: clerk, caseId: c.id, toAgencyId: await target(), reason: '理由理由理由' },
      ),
    ).rejects.toThrow(message);
  });

  it('is refused after a step of this agency (a 补正 asked)', async () => {
    const c = await file();
    await requestCorrection(
      { db: t.db, clock: filedOn },
      { user: clerk, caseId: c.id, deadline: '2025-03-20', what: '请写明所需信息的年份' },
    );
    await expect(
      transferCase(
        { db: t.db, clock: transferredOn },
        { user: clerk, caseId: c.id, toAgencyId: tree.education.id, reason: '理由理由理由' },
      ),
    ).rejects.toThrow(/不能(再)?转办|不允许|状态/);
  });
});
