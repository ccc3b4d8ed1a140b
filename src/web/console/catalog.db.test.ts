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
