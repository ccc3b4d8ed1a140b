/**
 * Issue 13: letters read their content back from untyped audit JSON — renaming a field blanked a legal
 * letter. Now the action and the letter share one schema per event (src/cases/events.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { sendFeeNotice } from './actions/send-fee-notice.ts';
import { buildCaseDocument } from './documents/render.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let head: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
});
afterAll(() => t.close());

const at = (d: string) => ({ db: t.db, clock: fixedClock(d) });
const receive = () =>
  receiveApplication(at('2025-03-03'), {
    user: head,
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
const letter = (caseId: number, kind: 'correction' | 'extension' | 'fee') =>
  buildCaseDocument(t.db, { caseId, kind, today: '2025-03-20' });

describe('letters from typed events', () => {
  it('补正告知书 carries the 补正内容 the clerk wrote', async () => {
    const c = await receive();
    await requestCorrection(at('2025-03-05'), {
      user: head,
      caseId: c.id,
      deadline: '2025-03-20',
      what: '请写明学校名称',
    });
    expect((await letter(c.id, 'correction')).text).toContain('请您作出补正：请写明学校名称。');
  });

  it('延期答复告知书 carries the reason and the length chosen', async () => {
    const c = await receive();
    await extendDeadline(at('2025-03-20'), { user: head, caseId: c.id, reason: '需调取档案', days: 10 });
    const text = (await letter(c.id, 'extension')).text;
    expect(text).toContain('因需调取档案，');
    expect(text).toContain('答复期限延长10个工作日，至2025年4月15日');
  });

  it('收费通知书 carries the fee lines and, before the applicant’s receipt is known, the window in words', async () => {
    const c = await receive();
    await sendFeeNotice(at('2025-03-05'), {
      user: head,
      caseId: c.id,
      basis: { mode: 'count', priorInMonth: 10, count: 3 },
    });
    const text = (await letter(c.id, 'fee')).text;
    expect(text).toContain('第11至13件（页）每件（页）100元');
    expect(text).toContain('请于收到本通知次日起20个工作日届满前缴纳');
    expect(text).not.toContain('________');
  });

  it('an event missing what the letter needs is refused loudly, never printed with a blank', async () => {
    const c = await receive();
    // An event written under an older field name (“content” for “what”).
    await t.db.insert(auditEvents).values({
      at: new Date('2025-03-06T01:00:00Z'),
      actorId: null,
      action: 'case.request_correction',
      entityType: 'case',
      entityId: String(c.id),
      agencyId: c.agencyId,
      data: { content: '请写明学校名称', deadline: '2025-03-20', noticeDue: null, late: false },
    });
    await expect(letter(c.id, 'correction')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('what'),
    });
  });
});
