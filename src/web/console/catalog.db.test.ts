import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachment } from '../../catalog/actions/add-attachment.ts';
import { createItem } from '../../catalog/actions/create-item.ts';
import { submitItem } from '../../catalog/actions/submit-item.ts';
import { sha256Hex } from '../../catalog/attachments.ts';
import { makeCatalogWorld, seedTestCalendar } from '../../catalog/testing.ts';
import { pdfWithText, TEST_ID, TEST_ID_MASKED, xlsxWithPersonalData } from '../../catalog/testing-files.ts';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { TEST_PASSWORD } from '../../db/factories.ts';
import { catalogAttachments, catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
const clock = fixedClock('2025-10-20T10:00:00+08:00');
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
  await seedTestCalendar(t.db);
});
afterAll(() => t.close());

const browser = () => testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {} }));

async function signedIn(username: string) {
  const b = browser();
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

describe('console: 保密审查 of attachments', () => {
  it('tells per attachment what masking can do, and the reviewer replaces a PDF through the form', async () => {
    const item = await createItem(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '资助名单公示', writtenOn: '2025-10-15', category: '20.11', body: '<p>见附件</p>' },
    });
    const pdf = pdfWithText([`Zhang San ID ${TEST_ID}`]);
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: '名单.pdf', content: pdf });
    await addAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      filename: '名单.xlsx',
      content: await xlsxWithPersonalData(),
    });
    await addAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      filename: '照片.png',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    // 保密审查 refuses every step while personal data is there: put the item at 审发 directly.
    await t.db.update(catalogItems).set({ reviewStep: 2 }).where(eq(catalogItems.id, item.id));
    const files = await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id));
    const pdfRow = files.find((f) => f.filename === '名单.pdf');
    if (!pdfRow) throw new Error('no pdf');

    const b = await signedIn(w.reviewer.username);
    const page = await b.get(`/console/catalog/${item.id}`);
    expect(page.html).toContain('data-handling="replace"');
    expect(page.html).toContain('data-handling="automatic"');
    expect(page.html).toContain('data-handling="unreadable"');
    expect(page.html).toContain('不能自动脱敏');
    expect(page.html).toContain('未能检查个人信息');
    expect(page.html).toContain('id="pii-not-maskable"');
    expect(page.html).toMatch(/action="\/console\/catalog\/\d+\/replace" enctype="multipart\/form-data"/);

    // 脱敏处理 masks the workbook; the PDF's finding stays and the page still says so.
    expect((await b.post(`/console/catalog/${item.id}/mask`, {})).status).toBe(303);
    const afterMask = await b.get(`/console/catalog/${item.id}`);
    expect(afterMask.html).toContain(`附件“名单.pdf”含有居民身份证号码（${TEST_ID_MASKED}）`);
    expect(afterMask.html).not.toContain('附件“名单.xlsx”含有');
    const version = /name="version" value="(\d+)"/.exec(afterMask.html)?.[1] as string;

    const clean = pdfWithText([`Zhang San ID ${TEST_ID_MASKED}`]);
    const file = () => new File([Buffer.from(clean)], '名单（脱敏）.pdf', { type: 'application/pdf' });
    const fields = { version, attachmentId: String(pdfRow.id), reason: '已删除身份证号', file: file() };
    expect((await b.multipart(`/console/catalog/${item.id}/replace`, fields, [], false)).status).toBe(403);
    const res = await b.multipart(`/console/catalog/${item.id}/replace`, { ...fields, file: file() });
    expect(res.status).toBe(303);

    const [row] = await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.id, pdfRow.id));
    expect(row.filename).toBe('名单（脱敏）.pdf');
    expect(row.sha256).toBe(sha256Hex(clean));
    const [event] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.attachment_replaced',
    });
    expect(event.data).toMatchObject({
      reason: '已删除身份证号',
      old: { sha256: pdfRow.sha256 },
      new: { sha256: sha256Hex(clean) },
    });
    const done = await b.get(`/console/catalog/${item.id}`);
    expect(done.html).toContain('未发现身份证号');
    expect(done.html).toContain('附件“照片.png”无法读取文字，未能检查');
  });
});

describe('console: a catalog item worked from the console (issue #15)', () => {
  const usernameOf = async (id: number) =>
    (await t.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, id) }))!.username;

  it('drafts with every field; a refusal keeps what was typed and names the field; the draft is edited', async () => {
    const staff = await signedIn(await usernameOf(w.staff.id));
    const list = await staff.get('/console/catalog');
    expect(list.html).toContain('新建目录信息');
    // 文件类型 defaults to 其他文件, not 规章.
    expect(list.html).toMatch(/<option value="other" selected="">其他文件<\/option>/);
    const refused = await staff.post('/console/catalog', {
      title: '关于印发某县农村公路管理办法的通知',
      category: '20.11',
      docType: 'normative',
      writtenOn: '',
      body: '第一条 为了加强农村公路管理……',
      bodyFormat: 'text',
      channels: 'website',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="writtenOn-error">规章和行政规范性文件须填写成文日期/);
    expect(html).toContain('value="关于印发某县农村公路管理办法的通知"');
    expect(html).toContain('第一条 为了加强农村公路管理……');

    const made = await staff.post('/console/catalog', {
      title: '关于印发某县农村公路管理办法的通知',
      category: '20.11',
      docType: 'normative',
      writtenOn: '2025-10-10',
      docNo: '某政发〔2025〕8号',
      body: '第一条 为了加强农村公路管理。\n第二条 本办法适用于本县。',
      bodyFormat: 'text',
      channels: 'website',
    });
    expect(made.status).toBe(303);
    const itemUrl = made.headers.get('location')!;
    const page = await staff.get(itemUrl);
    expect(page.html).toContain('id="item-meta"');
    expect(page.html).toContain('某政发〔2025〕8号');
    expect(page.html).toContain('行政规范性文件');
    const id = Number(itemUrl.split('/').pop());
    const [row] = await t.db.select().from(catalogItems).where(eq(catalogItems.id, id));
    expect(row.body).toBe('<p>第一条 为了加强农村公路管理。</p><p>第二条 本办法适用于本县。</p>');
    const edited = await staff.post(`${itemUrl}/edit`, {
      version: String(row.version),
      title: '关于印发某县农村公路管理办法（试行）的通知',
      category: '20.11',
      docType: 'normative',
      writtenOn: '2025-10-10',
      docNo: '某政发〔2025〕8号',
      body: '第一条 为了加强农村公路管理。',
      bodyFormat: 'text',
      channels: 'website',
    });
    expect(edited.status).toBe(303);
    expect((await staff.get(itemUrl)).html).toContain('关于印发某县农村公路管理办法（试行）的通知');
    // A stale form (the old version) is refused and the typed title kept.
    const stale = await staff.post(`${itemUrl}/edit`, {
      version: String(row.version),
      title: '过时的修改',
      category: '20.11',
      docType: 'other',
      body: '',
      bodyFormat: 'text',
      channels: 'website',
    });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('value="过时的修改"');
  });

  it('a reviewer is not offered the new-item form', async () => {
    const reviewer = await signedIn(await usernameOf(w.reviewer.id));
    expect((await reviewer.get('/console/catalog')).html).not.toContain('新建目录信息');
  });

  it('the list is newest first, searched by 索引号, filtered by state, with a real total', async () => {
    const first = await createItem(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '较早的草稿', category: '20.11' },
    });
    const second = await createItem(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '较新的草稿', category: '20.11' },
    });
    const staff = await signedIn(await usernameOf(w.staff.id));
    const all = (await staff.get('/console/catalog')).html;
    expect(all.indexOf('较新的草稿')).toBeLessThan(all.indexOf('较早的草稿'));
    const found = (await staff.get(`/console/catalog?q=${encodeURIComponent(first.indexNo)}`)).html;
    expect(found).toContain('较早的草稿');
    expect(found).not.toContain('较新的草稿');
    expect(found).toMatch(/id="catalog-total">\s*共 1 条/);
    const drafts = (await staff.get('/console/catalog?state=draft')).html;
    expect(drafts).toContain(second.title);
    expect((await staff.get('/console/catalog?state=published')).html).not.toContain(second.title);
  });

  it('a withdrawn item is edited and submitted again', async () => {
    const { withdrawItem } = await import('../../catalog/actions/withdraw-item.ts');
    const { approveStep } = await import('../../catalog/actions/approve-step.ts');
    const OK = { stateSecret: true, commercialSecret: true, privacy: true };
    const item = await createItem(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '将被撤回再发布的通知', category: '20.11', body: '<p>正文</p>' },
    });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK });
    await approveStep(deps(), { user: w.second, itemId: item.id, checklist: OK });
    await approveStep(deps(), { user: w.reviewer, itemId: item.id, checklist: OK });
    await withdrawItem(deps(), { user: w.head, itemId: item.id, reason: '发现内容有误' });
    const staff = await signedIn(await usernameOf(w.staff.id));
    const page = await staff.get(`/console/catalog/${item.id}`);
    expect(page.html).toContain('id="withdrawn-hint"');
    const [row] = await t.db.select().from(catalogItems).where(eq(catalogItems.id, item.id));
    expect(
      (
        await staff.post(`/console/catalog/${item.id}/edit`, {
          version: String(row.version),
          title: '将被撤回再发布的通知（更正）',
          category: '20.11',
          docType: 'other',
          body: '更正后的正文',
          bodyFormat: 'text',
          channels: 'website',
        })
      ).status,
    ).toBe(303);
    expect((await submitItem(deps(), { user: w.staff, itemId: item.id })).state).toBe('in_review');
  });
});
