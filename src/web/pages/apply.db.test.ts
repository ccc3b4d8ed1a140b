import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { MAX_APPLICATION_BODY_BYTES } from '../../cases/attachments.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { caseAttachments, cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { sha256Hex } from '../../files.ts';
import { sampleExe, sampleJpeg, samplePdf } from '../../testing/files.ts';
import { qrSvg } from '../qr.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'edu' });
  await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'edureviewer' });
  await makeUser(t.db, { agency: tree.town, role: 'office_head', username: 'townhead' });
});
afterAll(() => t.close());

const browser = () =>
  testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {}, publicFormsPerMinute: 100 }));

async function signedIn(username: string) {
  const b = browser();
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

const fields = () => ({
  applicantType: 'natural_person',
  applicantName: '王五',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  agencyId: String(tree.education.id),
  subject: '某县2025年义务教育阶段学校布局调整方案',
  formWanted: '电子',
});
const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

describe('the online application with attachments (multipart/form-data)', () => {
  let caseId = 0;
  let trackingCode = '';

  it('the form posts multipart with a file input per kind of material, accepting the taken types', async () => {
    const { html } = await browser().get('/apply');
    expect(html).toContain('enctype="multipart/form-data"');
    for (const name of ['identityFiles', 'authorizationFiles', 'supportingFiles']) {
      expect(html).toMatch(
        new RegExp(`<input id="${name}" name="${name}" type="file" accept="[^"]*\\.pdf[^"]*" multiple`),
      );
    }
    expect(html).toContain('最多5个，每个不超过10MB，合计不超过30MB');
  });

  it('stores the files with the case; CSRF is read from the multipart body; the receipt lists them', async () => {
    const b = browser();
    await b.get('/apply');
    const res = await b.multipart('/apply', fields(), [
      ['identityFiles', file(sampleJpeg(), '身份证正面.jpg', 'image/jpeg')],
      ['identityFiles', file(sampleJpeg(), '身份证背面.jpg', 'image/jpeg')],
      ['authorizationFiles', new File([], '', { type: 'application/octet-stream' })],
      ['supportingFiles', file(samplePdf(), '情况说明.pdf', 'application/pdf')],
    ]);
    expect(res.status).toBe(303);
    const receipt = res.headers.get('location') ?? '';
    expect(receipt).toMatch(/^\/apply\/receipt\/[A-Z2-9]{10}$/);
    const { html } = await b.get(receipt);
    trackingCode = /id="tracking-code">([A-Z0-9]+)</.exec(html)?.[1] ?? '';
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(html).toContain('身份证明：身份证正面.jpg');
    expect(html).toContain('其他证明材料：情况说明.pdf');
    // The receipt's QR code opens this application's tracking page, not the form (/apply).
    // The receipt relabels the code's SVG (办理进度查询页二维码): compare the drawing itself.
    const drawing = (url: string) => /<path d="[^"]+"/.exec(qrSvg(url))?.[0] ?? 'no drawing';
    expect(html).toContain(drawing(`http://localhost/track?code=${trackingCode}`));
    expect(html).not.toContain(drawing('http://localhost/apply'));
    expect(html).toContain('扫码或访问以下地址查询办理进度');
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, trackingCode));
    caseId = row.id;
    expect(row.applicantName).toBe('王五');
    const stored = await t.db
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, caseId))
      .orderBy(caseAttachments.id);
    expect(stored.map((a) => [a.kind, a.filename, a.sha256])).toEqual([
      ['identity', '身份证正面.jpg', sha256Hex(sampleJpeg())],
      ['identity', '身份证背面.jpg', sha256Hex(sampleJpeg())],
      ['supporting', '情况说明.pdf', sha256Hex(samplePdf())],
    ]);
  });

  it('refuses a multipart post without the CSRF token, storing nothing', async () => {
    const b = browser();
    await b.get('/apply');
    const before = await t.db.$count(cases);
    const res = await b.multipart(
      '/apply',
      fields(),
      [['identityFiles', file(sampleJpeg(), 'a.jpg', 'image/jpeg')]],
      false,
    );
    expect(res.status).toBe(403);
    expect(await t.db.$count(cases)).toBe(before);
  });

  it.each([
    ['an executable', [['supportingFiles', file(sampleExe(), '材料.pdf', 'application/pdf')]], '可执行程序'],
    [
      'a type not taken',
      [['supportingFiles', file(new TextEncoder().encode('@echo off\r\n'), 'tool.bat', 'application/x-bat')]],
      '类型不予接收',
    ],
    [
      'six files',
      Array.from({ length: 6 }, (_, i) => ['supportingFiles', file(samplePdf(), `${i}.pdf`, 'application/pdf')]),
      '附件最多5个',
    ],
  ] as [string, [string, File][], string][])(
    'refuses %s with a Chinese message, keeping what was typed',
    async (_name, files, message) => {
      const b = browser();
      await b.get('/apply');
      const before = [await t.db.$count(cases), await t.db.$count(caseAttachments)];
      const res = await b.multipart('/apply', { ...fields(), address: '某县某路1号' }, files);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('value="王五"');
      expect(html).toContain('value="某县某路1号"');
      expect(html).toContain('某县2025年义务教育阶段学校布局调整方案</textarea>');
      expect(html).toMatch(/<option value="natural_person" selected/);
      expect(html).toContain('未保存，请重新选择后提交');
      expect([await t.db.$count(cases), await t.db.$count(caseAttachments)]).toEqual(before);
    },
  );

  it('a form refused for a typed-in field says the files were not kept', async () => {
    const b = browser();
    await b.get('/apply');
    const res = await b.multipart('/apply', { ...fields(), phone: '' }, [
      ['identityFiles', file(sampleJpeg(), '身份证.jpg', 'image/jpeg')],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请至少填写一种联系方式');
    expect(html).toContain('您选择的附件（身份证.jpg）未保存');
  });

  it('refuses a request over the size limit before reading it', async () => {
    const b = browser();
    await b.get('/apply');
    const big = new Uint8Array(MAX_APPLICATION_BODY_BYTES + 1);
    big.set(samplePdf());
    const res = await b.multipart('/apply', fields(), [['supportingFiles', file(big, '大.pdf', 'application/pdf')]]);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('附件每个不超过10MB');
  });

  it('the tracking page lists the file names, with nothing to download', async () => {
    const { res, html } = await browser().get(`/track?code=${trackingCode}`);
    expect(res.status).toBe(200);
    expect(html).toContain('身份证明：身份证正面.jpg');
    expect(html).toContain('其他证明材料：情况说明.pdf');
    expect(html).not.toContain('/attachments/');
  });

  it('staff of the case agency see and download the files: attachment, RFC 5987 name, nosniff', async () => {
    const b = await signedIn('edu');
    const { html } = await b.get(`/console/cases/${caseId}`);
    const [, href] =
      /<a href="(\/console\/cases\/\d+\/attachments\/\d+)" download="">情况说明\.pdf<\/a>/.exec(html) ?? [];
    expect(href).toBeTruthy();
    const res = await b.send(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('情况说明.pdf')}`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(sha256Hex(samplePdf()));
    // The JSON API lists them (no bytes) and serves the same file.
    const list = (await (await b.send(`/api/cases/${caseId}/attachments`)).json()) as { filename: string }[];
    expect(list.map((a) => a.filename)).toEqual(['身份证正面.jpg', '身份证背面.jpg', '情况说明.pdf']);
    expect(list[0]).not.toHaveProperty('content');
    const api = await b.send(href.replace('/console/cases/', '/api/cases/'));
    expect(api.status).toBe(200);
    expect(api.headers.get('content-disposition')).toContain("filename*=UTF-8''");
  });

  it('another agency is refused the case and its files; a read-only reviewer sees no names and cannot download', async () => {
    const [first] = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
    const town = await signedIn('townhead');
    expect((await town.get(`/console/cases/${caseId}`)).res.status).toBe(403);
    expect((await town.send(`/console/cases/${caseId}/attachments/${first.id}`)).status).toBe(403);
    expect((await town.send(`/api/cases/${caseId}/attachments/${first.id}`)).status).toBe(403);
    expect((await town.send(`/api/cases/${caseId}/attachments`)).status).toBe(403);

    const reviewer = await signedIn('edureviewer');
    const { res, html } = await reviewer.get(`/console/cases/${caseId}`);
    expect(res.status).toBe(200);
    expect(html).toContain('身份证明（文件名已隐藏）');
    expect(html).not.toContain('身份证正面.jpg');
    expect(html).not.toContain('/attachments/');
    expect((await reviewer.send(`/console/cases/${caseId}/attachments/${first.id}`)).status).toBe(403);
    const list = (await (await reviewer.send(`/api/cases/${caseId}/attachments`)).json()) as { filename: string }[];
    expect(list.map((a) => a.filename)).not.toContain('身份证正面.jpg');
  });

  it('the public gets no file: signing in is asked for', async () => {
    const [first] = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
    const res = await browser().send(`/console/cases/${caseId}/attachments/${first.id}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login/);
    expect((await browser().send(`/api/cases/${caseId}/attachments/${first.id}`)).status).toBe(401);
  });
});
