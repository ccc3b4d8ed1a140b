/**
 * Letters from typed events (issue #13): each letter a case issues takes its agency's next 文号 of the year and is
 * kept append-only; reasons are required where the law says so; a reply is corrected by a new letter, the old
 * kept; the reply DOCX follows GB/T 9704 and names the 复议机关.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgencyCourt } from '../agencies/actions/set-agency-court.ts';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgency, makeAgencyTree, makeUser } from '../db/factories.ts';
import { caseLetters } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { correctReply } from './actions/correct-reply.ts';
import { endConsultation } from './actions/end-consultation.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { recordDelivery } from './actions/record-delivery.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestAssist } from './actions/request-assist.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { startConsultation } from './actions/start-consultation.ts';
import { buildCaseDocument, documentDocx } from './documents/render.ts';
import { COURT_DEFAULT, courtOf } from './documents/review-body.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let townStaff: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  townStaff = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
});
afterAll(() => t.close());

const at = (date: string) => ({ db: t.db, clock: fixedClock(date) });
const receive = (receivedOn: string, agency: 'education' | 'town' = 'education') =>
  receiveApplication(at(receivedOn), {
    user: agency === 'town' ? townStaff : staff,
    application: {
      agencyId: tree[agency].id,
      applicantType: 'natural_person',
      applicantName: '张三',
      phone: '13812345678',
      channel: 'post',
      receivedOn,
      subject: '某学校校舍改造工程招标文件',
    },
  });
const lettersOf = (caseId: number) =>
  t.db.select().from(caseLetters).where(eq(caseLetters.caseId, caseId)).orderBy(caseLetters.id);

async function refusal(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('文号: one sequence per agency and year', () => {
  it('a 补正告知书 and a reply take the next numbers; another agency and a new year start at 1', async () => {
    const a = await receive('2025-03-03');
    await requestCorrection(at('2025-03-05'), {
      user: staff,
      caseId: a.id,
      deadline: '2025-03-20',
      what: '请明确名称',
    });
    const b = await receive('2025-03-04');
    await replyToApplication(at('2025-03-10'), { user: staff, caseId: b.id, outcome: 'granted' });
    const c = await receive('2025-03-04', 'town');
    await replyToApplication(at('2025-03-10'), { user: townStaff, caseId: c.id, outcome: 'granted' });
    const d = await receive('2026-01-05');
    await replyToApplication(at('2026-01-06'), { user: staff, caseId: d.id, outcome: 'granted' });

    expect((await lettersOf(a.id)).map((l) => [l.kind, l.letterNo])).toEqual([
      ['correction', '某县教育局依申〔2025〕1号'],
    ]);
    expect((await lettersOf(b.id))[0].letterNo).toBe('某县教育局依申〔2025〕2号');
    expect((await lettersOf(c.id))[0].letterNo).toBe('某镇人民政府依申〔2025〕1号');
    expect((await lettersOf(d.id))[0].letterNo).toBe('某县教育局依申〔2026〕1号');
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: b.id, action: 'case.reply' });
    expect(event.data.letterNo).toBe('某县教育局依申〔2025〕2号');
  });

  it('a reply recorded later is numbered in the year of its reply date', async () => {
    const c = await receive('2025-12-22');
    await replyToApplication(at('2026-01-05'), {
      user: staff,
      caseId: c.id,
      outcome: 'granted',
      repliedOn: '2025-12-30',
    });
    expect((await lettersOf(c.id))[0]).toMatchObject({ year: 2025, issuedOn: '2025-12-30' });
  });

  it('a letter issued is never changed or removed (the table refuses)', async () => {
    const c = await receive('2025-04-01');
    await replyToApplication(at('2025-04-02'), { user: staff, caseId: c.id, outcome: 'granted' });
    const [letter] = await lettersOf(c.id);
    // drizzle wraps the database's error: the trigger's words are in its cause.
    const why = (p: Promise<unknown>) =>
      p.then(
        () => '',
        (e) => String(e.cause?.message ?? e.message),
      );
    expect(await why(t.db.update(caseLetters).set({ letterNo: 'x' }).where(eq(caseLetters.id, letter.id)))).toMatch(
      /append-only/,
    );
    expect(await why(t.db.delete(caseLetters).where(eq(caseLetters.id, letter.id)))).toMatch(/append-only/);
    expect((await lettersOf(c.id))[0].letterNo).toBe(letter.letterNo);
  });
});

describe('说明理由: reasons where the law requires them', () => {
  it.each([
    ['不予公开 (第三十六条第（三）项)', 'withheld.process_info'],
    ['部分公开 (第三十七条)', 'partly_granted'],
  ])('%s refuses a reply without reasons, beside the field', async (_name, outcome) => {
    const c = await receive('2025-05-06');
    const refused = await refusal(replyToApplication(at('2025-05-07'), { user: staff, caseId: c.id, outcome }));
    expect(refused.details).toMatchObject({ fields: { text: expect.stringContaining('须在答复中说明理由') } });
    const ok = await replyToApplication(at('2025-05-07'), {
      user: staff,
      caseId: c.id,
      outcome,
      text: '所申请信息为内部讨论记录，属于过程性信息。',
    });
    expect(ok.state).toBe('replied');
  });

  it('2007 不同意公开 also needs its reasons (2007年《条例》第二十一条第（二）项)', async () => {
    const c = await receive('2018-03-01');
    const refused = await refusal(
      replyToApplication(at('2018-03-05'), { user: staff, caseId: c.id, outcome: 'refused.privacy' }),
    );
    expect(refused.message).toContain('2007年《条例》第二十一条第（二）项');
  });

  it('a 说明理由告知书 sets out the reasons of a 不予公开 reply under the reply’s 文号; a 予以公开 reply has none', async () => {
    const c = await receive('2025-05-06');
    await replyToApplication(at('2025-05-07'), {
      user: staff,
      caseId: c.id,
      outcome: 'withheld.process_info',
      text: '所申请信息为内部讨论记录，属于过程性信息。',
    });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'reasons', today: '2025-05-07' });
    const reply = await buildCaseDocument(t.db, { caseId: c.id, kind: 'reply', today: '2025-05-07' });
    expect(doc.title).toBe('说明理由告知书');
    expect(doc.text).toContain('现将理由说明如下：\n\n所申请信息为内部讨论记录，属于过程性信息。');
    expect(doc.text).toContain('第三十六条第（三）项');
    expect(doc.letterNo).toBe(reply.letterNo);
    const granted = await receive('2025-05-06');
    await replyToApplication(at('2025-05-07'), { user: staff, caseId: granted.id, outcome: 'granted' });
    expect(
      (await refusal(buildCaseDocument(t.db, { caseId: granted.id, kind: 'reasons', today: '2025-05-07' }))).code,
    ).toBe('invalid_state');
  });

  it('the third party consulted is told what will be disclosed and why (第三十二条)', async () => {
    const c = await receive('2025-05-06');
    const u = { user: staff, caseId: c.id };
    await startConsultation(at('2025-05-07'), { ...u, kind: 'third_party', party: '某建设公司' });
    await endConsultation(at('2025-05-12'), { ...u, answeredOn: '2025-05-12' });
    await replyToApplication(at('2025-05-13'), {
      ...u,
      outcome: 'granted',
      text: '中标结果依法应当公开，涉及公共利益。',
    });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'disclosure_notice', today: '2025-05-13' });
    expect(doc.text.startsWith('某建设公司：')).toBe(true);
    expect(doc.text).toContain('中标结果依法应当公开，涉及公共利益。');
    expect(doc.text).toContain('向某县人民政府申请行政复议');
    const none = await receive('2025-05-06');
    await replyToApplication(at('2025-05-07'), { user: staff, caseId: none.id, outcome: 'granted' });
    await refusal(buildCaseDocument(t.db, { caseId: none.id, kind: 'disclosure_notice', today: '2025-05-07' }));
  });

  it('予以公开 needs none', async () => {
    const c = await receive('2025-05-06');
    expect((await replyToApplication(at('2025-05-07'), { user: staff, caseId: c.id, outcome: 'granted' })).state).toBe(
      'replied',
    );
  });
});

describe('更正答复: a new letter, the old kept', () => {
  it('corrects the outcome with a reason; the reply date stays; the old letter and text are in the record', async () => {
    const c = await receive('2025-06-03');
    await replyToApplication(at('2025-06-10'), { user: staff, caseId: c.id, outcome: 'unavailable.not_held' });
    await refusal(correctReply(at('2025-06-12'), { user: staff, caseId: c.id, outcome: 'granted', reason: '' }));
    await refusal(
      correctReply(at('2025-06-12'), {
        user: staff,
        caseId: c.id,
        outcome: 'withheld.process_info',
        reason: '发现信息',
      }),
    );
    const corrected = await correctReply(at('2025-06-12'), {
      user: staff,
      caseId: c.id,
      outcome: 'granted',
      text: '经再次检索，已找到该信息，现予提供。',
      reason: '原答复检索不全',
    });
    expect(corrected).toMatchObject({ state: 'replied', outcome: 'granted', closedOn: '2025-06-10' });
    const letters = await lettersOf(c.id);
    expect(letters).toHaveLength(2);
    expect(letters[1]).toMatchObject({ kind: 'reply', replacesId: letters[0].id, issuedOn: '2025-06-12' });
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: c.id, action: 'case.correct_reply' });
    expect(event.data).toMatchObject({
      reason: '原答复检索不全',
      previous: { outcome: 'unavailable.not_held', letterNo: letters[0].letterNo },
      letterNo: letters[1].letterNo,
    });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'reply', today: '2025-06-12' });
    expect(doc.letterNo).toBe(letters[1].letterNo);
  });

  it('only a replied case can be corrected', async () => {
    const c = await receive('2025-06-03');
    const refused = await refusal(
      correctReply(at('2025-06-04'), { user: staff, caseId: c.id, outcome: 'granted', reason: '更正原因说明' }),
    );
    expect(refused.code).toBe('invalid_state');
  });
});

describe('the reply as a GB/T 9704 document', () => {
  it('has its 文号, names the 复议机关 above the department, leaves a place for the seal, and uses the standard layout', async () => {
    const c = await receive('2025-07-01');
    await replyToApplication(at('2025-07-02'), { user: staff, caseId: c.id, outcome: 'granted' });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'reply', today: '2025-07-02' });
    expect(doc.text).toContain('向某县人民政府申请行政复议');
    expect(doc.text).toContain('某县教育局（印章）');
    const xml = await (await JSZip.loadAsync(await documentDocx(doc))).file('word/document.xml')!.async('string');
    expect(xml).toContain(doc.letterNo);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1588"/);
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).not.toContain('w:pStyle');
    // Every run of the body carries its font and size (三号 = 32 half-points).
    const runs = xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
    for (const run of runs.filter((r) => r.includes('<w:t'))) expect(run).toMatch(/w:sz w:val="(32|44)"/);
  });

  it('a town answers with the county government as 复议机关 (《行政复议法》第二十四条第一款第（二）项)', async () => {
    const c = await receive('2025-07-01', 'town');
    await replyToApplication(at('2025-07-02'), { user: townStaff, caseId: c.id, outcome: 'granted' });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'reply', today: '2025-07-02' });
    expect(doc.text).toContain('向某县人民政府申请行政复议');
  });

  it('names the court an administrator enters: own, else the ancestor’s for a department; a government never inherits (《行政诉讼法》第十五条)', async () => {
    const admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
    const dept = await receive('2025-07-01');
    await replyToApplication(at('2025-07-02'), { user: staff, caseId: dept.id, outcome: 'granted' });
    const reply = async () =>
      (await buildCaseDocument(t.db, { caseId: dept.id, kind: 'reply', today: '2025-07-02' })).text;
    expect(await reply()).toContain('向有管辖权的人民法院提起行政诉讼');
    await setAgencyCourt(at('2025-07-03'), {
      actor: admin,
      agencyId: tree.county.id,
      change: { courtName: '某市某区人民法院' },
    });
    expect(await reply()).toContain('向某市某区人民法院提起行政诉讼');
    expect(await courtOf(t.db, tree.county.id)).toBe('某市某区人民法院');
    await setAgencyCourt(at('2025-07-03'), {
      actor: admin,
      agencyId: tree.education.id,
      change: { courtName: '某县人民法院' },
    });
    expect(await reply()).toContain('向某县人民法院提起行政诉讼');
    // A government below a named one does not take its court: its case goes to a higher court.
    const lower = await makeAgency(t.db, { parent: tree.county, name: '某县某开发区管委会', kind: 'government' });
    expect(await courtOf(t.db, lower.id)).toBe(COURT_DEFAULT);
    await refusal(
      setAgencyCourt(at('2025-07-03'), { actor: admin, agencyId: tree.county.id, change: { courtName: '区里' } }),
    );
    await refusal(
      setAgencyCourt(at('2025-07-03'), {
        actor: staff,
        agencyId: tree.county.id,
        change: { courtName: '某县人民法院' },
      }),
    );
    const [event] = await listAudit(t.db, {
      entityType: 'agency',
      entityId: tree.education.id,
      action: 'agency.court_set',
    });
    expect(event.data).toMatchObject({ from: null, to: '某县人民法院' });
  });
});

describe('the other forms: 协办函 and 送达回证', () => {
  it('a 协办函 names the assisting agency, what is asked and by when, under its own 文号', async () => {
    const c = await receive('2025-08-04');
    await requestAssist(at('2025-08-05'), {
      user: staff,
      caseId: c.id,
      toAgencyId: tree.town.id,
      request: '请提供该镇学校校舍改造的招标文件',
      answerBy: '2025-08-12',
    });
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'assist', today: '2025-08-05' });
    expect(doc.title).toBe('政府信息公开申请协办函');
    expect(doc.text).toMatch(/^某镇人民政府：/);
    expect(doc.text).toContain('请提供该镇学校校舍改造的招标文件');
    expect(doc.text).toContain('2025年8月12日前回复');
    expect(doc.letterNo).toMatch(/^某县教育局依申〔2025〕\d+号$/);
  });

  it('a 送达回证 names the reply by its 文号, the EMS number and the posting day, with a place to sign', async () => {
    const c = await receive('2025-08-04');
    await replyToApplication(at('2025-08-11'), { user: staff, caseId: c.id, outcome: 'granted' });
    await recordDelivery(at('2025-08-11'), {
      user: staff,
      caseId: c.id,
      method: 'ems',
      sentOn: '2025-08-11',
      trackingNumber: 'EA987654321CN',
    });
    const [reply] = await lettersOf(c.id);
    const doc = await buildCaseDocument(t.db, { caseId: c.id, kind: 'delivery_receipt', today: '2025-08-11' });
    expect(doc.text).toContain(`政府信息公开申请答复书（${reply.letterNo}）`);
    expect(doc.text).toContain('EA987654321CN');
    expect(doc.text).toContain('送达日期：2025年8月11日');
    expect(doc.text).toContain('受送达人签收');
  });
});
