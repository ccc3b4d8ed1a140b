/**
 * Routing between agencies (issue #14): a transferred case waits for the receiving agency's 签收 or 退回 before
 * anything else; 退回 gives it back as it was; 协办 asks another agency for help with a numbered 协办函 that the
 * other answers once, seeing no personal data.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser } from '../../db/factories.ts';
import { caseLetters } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { AppError } from '../../errors.ts';
import { assistsOfCase, openAssistsFor } from '../assists.ts';
import { answerAssist } from './answer-assist.ts';
import { receiveApplication } from './receive-application.ts';
import { replyToApplication } from './reply.ts';
import { requestAssist } from './request-assist.ts';
import { returnTransfer } from './return-transfer.ts';
import { signForCase } from './sign-for-case.ts';
import { transferCase } from './transfer-case.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let countyClerk: Awaited<ReturnType<typeof makeUser>>['user'];
let eduClerk: Awaited<ReturnType<typeof makeUser>>['user'];
let townClerk: Awaited<ReturnType<typeof makeUser>>['user'];
const at = (d: string) => ({ db: t.db, clock: fixedClock(`${d}T09:00:00+08:00`) });

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  countyClerk = (await makeUser(t.db, { agency: tree.county, role: 'staff' })).user;
  eduClerk = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  townClerk = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
});
afterAll(() => t.close());

const file = () =>
  receiveApplication(at('2025-03-03'), {
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
  });
const transfer = async () => {
  const c = await file();
  await transferCase(at('2025-03-10'), {
    user: countyClerk,
    caseId: c.id,
    toAgencyId: tree.education.id,
    reason: '该信息由县教育局制作并保存',
  });
  return c;
};

async function refusal(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('签收', () => {
  it('a transferred case is handled only once signed for; signing late does not move the period', async () => {
    const c = await transfer();
    const early = await refusal(
      replyToApplication(at('2025-03-11'), { user: eduClerk, caseId: c.id, outcome: 'granted' }),
    );
    expect(early.message).toContain('尚未签收');
    await refusal(signForCase(at('2025-03-12'), { user: eduClerk, caseId: c.id, signedOn: '2025-03-07' }));
    await refusal(signForCase(at('2025-03-12'), { user: townClerk, caseId: c.id }));
    const signed = await signForCase(at('2025-03-12'), { user: eduClerk, caseId: c.id });
    expect(signed).toMatchObject({ signedForOn: '2025-03-12', receivedOn: '2025-03-10', dueOn: '2025-04-08' });
    await refusal(signForCase(at('2025-03-13'), { user: eduClerk, caseId: c.id }));
    expect(
      (await replyToApplication(at('2025-03-13'), { user: eduClerk, caseId: c.id, outcome: 'granted' })).state,
    ).toBe('replied');
  });
});

describe('退回', () => {
  it('sends it back to the first agency with its own receipt and due date; needs a reason; not after 签收', async () => {
    const c = await transfer();
    const noReason = await refusal(returnTransfer(at('2025-03-11'), { user: eduClerk, caseId: c.id, reason: '' }));
    expect(noReason.details).toMatchObject({ fields: { reason: expect.any(String) } });
    const back = await returnTransfer(at('2025-03-11'), {
      user: eduClerk,
      caseId: c.id,
      reason: '该信息不由本局制作或保存',
    });
    expect(back).toMatchObject({
      agencyId: tree.county.id,
      receivedOn: '2025-03-03',
      dueOn: '2025-03-31',
      transferredFrom: null,
    });
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.return_transfer' });
    expect(event.data).toMatchObject({ reason: '该信息不由本局制作或保存', toAgencyId: tree.county.id });
    // Back with the county: it handles it at once (nothing to sign for).
    expect(
      (await replyToApplication(at('2025-03-12'), { user: countyClerk, caseId: c.id, outcome: 'granted' })).state,
    ).toBe('replied');

    const signed = await transfer();
    await signForCase(at('2025-03-11'), { user: eduClerk, caseId: signed.id });
    await refusal(returnTransfer(at('2025-03-12'), { user: eduClerk, caseId: signed.id, reason: '签收后又想退回' }));
  });

  it('the receiving agency cannot transfer straight back (that is a 退回)', async () => {
    const c = await transfer();
    await signForCase(at('2025-03-11'), { user: eduClerk, caseId: c.id });
    const refused = await refusal(
      transferCase(at('2025-03-12'), {
        user: eduClerk,
        caseId: c.id,
        toAgencyId: tree.county.id,
        reason: '转回县政府',
      }),
    );
    expect(refused.message).toContain('退回');
  });
});

describe('协办', () => {
  it('a numbered 协办函 to the town, answered once by the town, which sees no personal data', async () => {
    const c = await file();
    await refusal(
      requestAssist(at('2025-03-04'), {
        user: countyClerk,
        caseId: c.id,
        toAgencyId: tree.other.id,
        request: '请提供该镇校舍维修资金拨付凭证',
        answerBy: '2025-03-14',
      }),
    );
    const sent = await requestAssist(at('2025-03-04'), {
      user: countyClerk,
      caseId: c.id,
      toAgencyId: tree.town.id,
      request: '请提供该镇校舍维修资金拨付凭证',
      answerBy: '2025-03-14',
    });
    // The clock does not stop for 协办.
    expect(sent.dueOn).toBe('2025-03-31');
    const [letter] = await t.db.select().from(caseLetters).where(eq(caseLetters.caseId, c.id));
    // The county's sequence of the year (its replies in the tests above took the first numbers).
    expect(letter).toMatchObject({
      kind: 'assist',
      letterNo: expect.stringMatching(/^某县人民政府依申〔2025〕\d+号$/),
    });

    const open = await openAssistsFor(t.db, [tree.town.id]);
    expect(open.map((a) => a.caseId)).toEqual([c.id]);
    expect(JSON.stringify(open)).not.toMatch(/孙七|11010519491231002X|13812345678/);

    const [assist] = await assistsOfCase(t.db, c.id);
    await refusal(answerAssist(at('2025-03-06'), { user: eduClerk, assistId: assist.id, answer: '不是本局的' }));
    await refusal(answerAssist(at('2025-03-06'), { user: townClerk, assistId: assist.id, answer: '' }));
    await answerAssist(at('2025-03-06'), {
      user: townClerk,
      assistId: assist.id,
      answer: '拨付凭证已扫描，见附件说明。',
    });
    await refusal(answerAssist(at('2025-03-07'), { user: townClerk, assistId: assist.id, answer: '再答复一次' }));
    expect(await assistsOfCase(t.db, c.id)).toMatchObject([
      { toAgency: '某镇人民政府', answer: '拨付凭证已扫描，见附件说明。', answeredOn: '2025-03-06' },
    ]);
    expect(await openAssistsFor(t.db, [tree.town.id])).toEqual([]);
    const actions = (await listAudit(t.db, { entityType: 'case', entityId: c.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.request_assist', 'case.assist_answered']));
  });
});
