/**
 * The portal's application form as an applicant meets it: every wrong field named beside it in Chinese with
 * nothing typed lost; Post/Redirect/Get, so reloading the receipt files nothing; a hint before filing the same
 * subject twice; the printable 回执 with the tracking QR code.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { receiveCorrection } from '../../cases/actions/receive-correction.ts';
import { replyToApplication } from '../../cases/actions/reply.ts';
import { requestCorrection } from '../../cases/actions/request-correction.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser } from '../../db/factories.ts';
import { caseAttachments, cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { samplePdf } from '../../testing/files.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
});
afterAll(() => t.close());

const browser = () =>
  testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {}, publicFormsPerMinute: 1000 }));

let n = 0;
const fields = (over: Record<string, string> = {}) => ({
  applicantType: 'natural_person',
  applicantName: '赵六',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  email: 'zhaoliu@example.com',
  agencyId: String(tree.education.id),
  subject: `示范县2025年农村公路养护资金使用情况（第${++n}件）`,
  formWanted: '电子',
  ...over,
});

async function file(over: Record<string, string>) {
  const b = browser();
  await b.get('/apply');
  const before = await t.db.$count(cases);
  const res = await b.post('/apply', fields(over));
  return { res, html: await res.text(), stored: (await t.db.$count(cases)) - before, b };
}

describe('validation on the portal form: each message beside its field, nothing typed lost', () => {
  it.each([
    ['an ID number with a wrong check digit', { idNumber: '110105194912310021' }, 'idNumber', '校验码（第18位）不符'],
    ['an ID number of 17 digits', { idNumber: '11010519491231002' }, 'idNumber', '应为18位（或15位的旧号码）'],
    ['an old 15-digit number with 30 February', { idNumber: '110105490230002' }, 'idNumber', '不是有效日期'],
    ['a credit code for a 公民', { idNumber: '91350100M000100Y43' }, 'idNumber', '这是统一社会信用代码'],
    [
      'an ID number for an enterprise',
      { applicantType: 'commercial', applicantName: '某某科技有限公司' },
      'idNumber',
      '这是居民身份证号码',
    ],
    [
      'a credit code with a wrong check character',
      { applicantType: 'commercial', applicantName: '某某科技有限公司', idNumber: '91350100M000100Y44' },
      'idNumber',
      '第18位应为“3”',
    ],
    ['a mobile number of 10 digits', { phone: '1391234567' }, 'phone', '手机号码应为11位'],
    ['a fixed line without area code', { phone: '82345678' }, 'phone', '带区号的固定电话'],
    ['an e-mail address without @', { email: 'zhaoliu.example.com' }, 'email', '缺少“@”'],
    ['an e-mail address without a domain dot', { email: 'zhaoliu@example' }, 'email', '格式不正确'],
  ])('refuses %s', async (_name, over, field, message) => {
    const { res, html, stored } = await file(over);
    expect(res.status).toBe(400);
    expect(stored).toBe(0);
    // Beside the field, tied to it, and named in the summary above the form.
    expect(html).toMatch(new RegExp(`id="${field}-error">[^<]*${message}`));
    expect(html).toMatch(
      new RegExp(`<input id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="${field}-error`),
    );
    expect(html).toContain(`<a href="#${field}">`);
    // Nothing typed is lost.
    const sent = fields(over);
    for (const key of ['applicantName', 'idNumber', 'phone', 'email'] as const) {
      expect(html).toContain(`value="${sent[key]}"`);
    }
    expect(html).toContain(`${sent.subject.slice(0, 10)}`);
  });

  it('names every wrong field at once', async () => {
    const { html } = await file({ idNumber: '110105194912310021', phone: '139', email: 'x@' });
    for (const f of ['idNumber', 'phone', 'email']) expect(html).toContain(`id="${f}-error"`);
  });

  it('accepts a 15-digit old number, full-width digits and a spaced phone, stored normalized', async () => {
    const { res, b } = await file({ idNumber: '１１０１０５４９１２３１００２', phone: '139 1234 5678' });
    expect(res.status).toBe(303);
    const code = /[A-Z2-9]{10}$/.exec(res.headers.get('location') ?? '')![0];
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    expect([row.idNumber, row.phone]).toEqual(['110105491231002', '13912345678']);
    expect((await b.get(`/apply/receipt/${code}`)).res.status).toBe(200);
  });

  it('accepts an enterprise with its credit code', async () => {
    const { res } = await file({
      applicantType: 'commercial',
      applicantName: '某某科技有限公司',
      idNumber: '91350100M000100Y43',
    });
    expect(res.status).toBe(303);
  });
});

describe('Post/Redirect/Get: the receipt is its own page', () => {
  it('files once; the receipt (GET) can be reloaded and printed without filing again', async () => {
    const { res, b, stored } = await file({});
    expect(res.status).toBe(303);
    expect(stored).toBe(1);
    const location = res.headers.get('location')!;
    const before = await t.db.$count(cases);
    for (let i = 0; i < 3; i++) {
      const again = await b.get(location);
      expect(again.res.status).toBe(200);
      expect(again.html).toMatch(/id="tracking-code">[A-Z2-9]{10}</);
      expect(again.html).toContain('政府信息公开申请受理回执');
      expect(again.html).toContain('教育局');
      // The QR code leads to the tracking page of this code.
      expect(again.html).toContain('aria-label="办理进度查询页二维码"');
      expect(again.html).toContain(`/track?code=${location.split('/').pop()}`);
    }
    expect(await t.db.$count(cases)).toBe(before);
  });

  it('an unknown code has no receipt', async () => {
    expect((await browser().get('/apply/receipt/ABCDEFGHJK')).res.status).toBe(404);
  });
});

describe('the same applicant filing the same subject again', () => {
  it('is asked first, files nothing, keeps what was typed; files once confirmed', async () => {
    const same = fields({ subject: '示范县2026年财政预算执行情况' });
    const first = browser();
    await first.get('/apply');
    expect((await first.post('/apply', same)).status).toBe(303);

    const b = browser();
    await b.get('/apply');
    const before = await t.db.$count(cases);
    // The same words, spaced and punctuated differently.
    const res = await b.post('/apply', { ...same, subject: '示范县 2026年财政预算执行情况。' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('已于 2026-03-02 向同一行政机关提交过内容相同的申请');
    expect(html).not.toMatch(/id="tracking-code"/);
    expect(html).toContain('value="赵六"');
    expect(await t.db.$count(cases)).toBe(before);

    const confirmed = await b.post('/apply', { ...same, confirmDuplicate: '1' });
    expect(confirmed.status).toBe(303);
    expect(await t.db.$count(cases)).toBe(before + 1);
  });

  it('another applicant, or another subject, is no repeat', async () => {
    const same = fields({ subject: '示范县2026年政府采购目录' });
    expect((await file(same)).res.status).toBe(303);
    const other = await file({ ...same, idNumber: '440524188001010014', phone: '13800000001', email: '' });
    expect(other.res.status).toBe(303);
    expect((await file({ ...same, subject: '示范县2025年政府采购目录' })).res.status).toBe(303);
  });
});

describe('the tracking page as the applicant’s desk', () => {
  it('tells the history in plain words, without staff names, and gives the 答复书 once replied', async () => {
    const { user } = await makeUser(t.db, { agency: tree.education, role: 'staff', displayName: '周经办' });
    const { res } = await file({});
    const code = /[A-Z2-9]{10}$/.exec(res.headers.get('location') ?? '')![0];
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    const act = { db: t.db, clock };
    await requestCorrection(act, { user, caseId: row.id, deadline: '2026-03-20', what: '请写明路段名称' });
    await receiveCorrection(act, { user, caseId: row.id });
    const b = browser();
    expect((await b.get(`/track/reply?code=${code}`)).res.status).toBe(404);
    await replyToApplication(act, { user, caseId: row.id, outcome: 'granted', text: '现将所需信息提供给您。' });
    const { html } = await b.get(`/track?code=${code}`);
    const history = /<ol id="case-history">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const items = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toHaveLength(4);
    expect(items[0]).toContain('行政机关收到您的申请');
    expect(items[1]).toContain('行政机关告知您补正申请：请写明路段名称（请于 2026-03-20 前补正）');
    expect(items[2]).toContain('收到您的补正，答复期限重新计算');
    expect(items[3]).toContain('行政机关作出答复：予以公开');
    expect(html).not.toContain('周经办');
    expect(html).toContain('某县教育局');
    const letter = await b.get(`/track/reply?code=${code}`);
    expect(letter.res.status).toBe(200);
    expect(letter.res.headers.get('cache-control')).toBe('private, no-store');
    expect(letter.html).toContain('赵六');
    expect(letter.html).toContain('现将所需信息提供给您');
    expect((await b.get('/track/reply?code=ABCDEFGHJK')).res.status).toBe(404);
  });
});

describe('补正 sent online from the tracking page', () => {
  it('the words and a file go with the case and the correction is received today; a second one is refused', async () => {
    const { user } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const { res } = await file({});
    const code = /[A-Z2-9]{10}$/.exec(res.headers.get('location') ?? '')![0];
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    await requestCorrection(
      { db: t.db, clock },
      { user, caseId: row.id, deadline: '2026-03-20', what: '请写明路段名称' },
    );
    const b = browser();
    const page = await b.get(`/track?code=${code}`);
    expect(page.html).toContain('在线补正');
    expect(page.html).toContain('请写明路段名称');
    const sent = await b.multipart('/track/correction', { code, text: '所需信息为X123县道2025年养护资金使用情况' }, [
      ['supportingFiles', new File([new Uint8Array(samplePdf())], '路段说明.pdf', { type: 'application/pdf' })],
    ]);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/track?code=${code}&sent=1`);
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ state: 'received', correctionReceivedOn: '2026-03-02' });
    const files = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    expect(files.map((f) => f.filename)).toEqual(['路段说明.pdf']);
    const { html } = await b.get(`/track?code=${code}&sent=1`);
    expect(html).toContain('您的补正已提交');
    expect(html).toContain('您在网上提交了补正（附件 1 个）');
    expect(html).toContain('收到您的补正，答复期限重新计算');
    expect(html).not.toContain('<h2 id="correction-title">');

    const again = await b.multipart('/track/correction', { code, text: '再补充一点' });
    expect(again.status).toBe(400);
    const refused = await again.text();
    expect(refused).toContain('该申请当前不需要补正');
    expect(refused).toContain('再补充一点');
  });

  it('a post without the CSRF token is refused, nothing stored', async () => {
    const b = browser();
    await b.get('/track?code=ABCDEFGHJK');
    const res = await b.multipart('/track/correction', { code: 'ABCDEFGHJK', text: 'x' }, [], false);
    expect(res.status).toBe(403);
  });
});
