import { eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { catalogAttachments, catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { addAttachment } from './actions/add-attachment.ts';
import { approveStep } from './actions/approve-step.ts';
import { createItem } from './actions/create-item.ts';
import { maskItemPersonalData } from './actions/mask-personal-data.ts';
import { overridePersonalData } from './actions/override-personal-data.ts';
import { replaceAttachment } from './actions/replace-attachment.ts';
import { submitItem } from './actions/submit-item.ts';
import { extractAttachmentText, sha256Hex } from './attachments.ts';
import { getItem } from './change.ts';
import { itemPersonalData } from './content-check.ts';
import { makeCatalogWorld, seedTestCalendar } from './testing.ts';
import {
  docxWithPersonalData,
  pdfWithText,
  TEST_CARD,
  TEST_ID,
  TEST_ID_MASKED,
  xlsxWithPersonalData,
} from './testing-files.ts';

const OK = { stateSecret: true, commercialSecret: true, privacy: true };

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
const clock = fixedClock('2025-10-20');
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
  await seedTestCalendar(t.db);
});
afterAll(() => t.close());

async function expectCode(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A draft with the given attachments, submitted and approved up to 审发. */
async function atLastStep(title: string, files: { filename: string; content: Uint8Array }[]) {
  const item = await createItem(deps(), {
    user: w.staff,
    agencyId: w.bureau.id,
    fields: { title, docNo: null, writtenOn: '2025-10-15', category: '20.11', body: '<p>名单见附件。</p>' },
  });
  for (const f of files) await addAttachment(deps(), { user: w.staff, itemId: item.id, ...f });
  await submitItem(deps(), { user: w.staff, itemId: item.id });
  // 保密审查 refuses every step while the attachments hold personal data: the item is put at 审发 directly,
  // where these tests look at masking and replacing.
  await t.db.update(catalogItems).set({ reviewStep: 2 }).where(eq(catalogItems.id, item.id));
  return item.id;
}

const attachmentsOf = (itemId: number) =>
  t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, itemId)).orderBy(catalogAttachments.id);

describe('脱敏处理 of DOCX and XLSX attachments', () => {
  it('rewrites both files: new sha256 and size, text extracted again from the new bytes, nothing left', async () => {
    const id = await atLastStep('资助名单（DOCX、XLSX）', [
      { filename: '名单.docx', content: await docxWithPersonalData() },
      { filename: '名单.xlsx', content: await xlsxWithPersonalData() },
    ]);
    const before = await attachmentsOf(id);
    expect((await itemPersonalData(t.db, await getItem(t.db, id))).map((f) => f.where)).toEqual([
      '名单.docx',
      '名单.docx',
      '名单.docx',
      '名单.docx',
      '名单.xlsx',
      '名单.xlsx',
    ]);
    await expectCode(approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK }), 'blocked');

    const masked = await maskItemPersonalData(deps(), { user: w.reviewer, itemId: id });
    expect(masked.personalDataRemaining).toEqual([]);
    const after = await attachmentsOf(id);
    for (const [i, file] of after.entries()) {
      expect(file.sha256).not.toBe(before[i].sha256);
      expect(file.sha256).toBe(sha256Hex(file.content));
      expect(file.size).toBe(file.content.byteLength);
      expect(file.text).toBe(await extractAttachmentText(file.content, file.mediaType));
    }
    expect(after[0].text).toContain(`身份证号${TEST_ID_MASKED}`);
    expect((await mammoth.extractRawText({ buffer: Buffer.from(after[0].content) })).value).toContain('金额2000元');
    expect(after[1].text).not.toContain(TEST_CARD);
    expect(await itemPersonalData(t.db, await getItem(t.db, id))).toEqual([]);
    const [row] = await t.db.select({ s: catalogItems.searchText }).from(catalogItems).where(eq(catalogItems.id, id));
    expect(row.s).not.toContain(TEST_ID);

    const [event] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: id,
      action: 'catalog.personal_data_masked',
    });
    expect(event.data.remaining).toEqual([]);
    expect(event.data.rewritten).toEqual(
      after.map((f, i) => ({
        attachmentId: f.id,
        filename: f.filename,
        oldSha256: before[i].sha256,
        sha256: f.sha256,
      })),
    );
    expect((await approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK })).state).toBe('published');
  });
});

describe('PDF attachments: masking leaves them, 替换附件 replaces them', () => {
  const dirtyPdf = () => pdfWithText(['Student aid list', `Zhang San ID ${TEST_ID}`]);
  const cleanPdf = () => pdfWithText(['Student aid list', `Zhang San ID ${TEST_ID_MASKED}`]);

  it('masking says the PDF finding is left; 审发 stays blocked until the file is replaced with a clean one', async () => {
    const id = await atLastStep('资助名单（PDF）', [{ filename: '名单.pdf', content: dirtyPdf() }]);
    const [original] = await attachmentsOf(id);

    const masked = await maskItemPersonalData(deps(), { user: w.reviewer, itemId: id });
    expect(masked.personalDataRemaining).toEqual([`附件“名单.pdf”含有居民身份证号码（${TEST_ID_MASKED}）`]);
    const [unchanged] = await attachmentsOf(id);
    expect(unchanged.sha256).toBe(original.sha256);
    const [maskEvent] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: id,
      action: 'catalog.personal_data_masked',
    });
    expect(maskEvent.data.remaining).toEqual(masked.personalDataRemaining);
    expect(maskEvent.data.masked).toEqual([]);
    await expectCode(approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK }), 'blocked');

    await expectCode(
      replaceAttachment(deps(), {
        user: w.reviewer,
        itemId: id,
        attachmentId: original.id,
        filename: '名单（脱敏）.pdf',
        content: cleanPdf(),
        reason: '',
      }),
      'bad_input',
    );
    await expectCode(
      replaceAttachment(deps(), {
        user: w.outsider,
        itemId: id,
        attachmentId: original.id,
        filename: '名单（脱敏）.pdf',
        content: cleanPdf(),
        reason: '已遮盖身份证号',
      }),
      'forbidden',
    );
    const clean = cleanPdf();
    await replaceAttachment(deps(), {
      user: w.reviewer,
      itemId: id,
      attachmentId: original.id,
      filename: '名单（脱敏）.pdf',
      content: clean,
      reason: '已用PDF编辑软件遮盖身份证号',
    });

    // The original's bytes are gone: the row holds the new file, and no row holds the old one.
    const [replaced] = await attachmentsOf(id);
    expect(replaced.id).toBe(original.id);
    expect(replaced.filename).toBe('名单（脱敏）.pdf');
    expect(Buffer.from(replaced.content).equals(Buffer.from(clean))).toBe(true);
    expect(replaced.sha256).toBe(sha256Hex(clean));
    expect(replaced.size).toBe(clean.byteLength);
    expect(replaced.text).toContain(TEST_ID_MASKED);
    expect(await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.sha256, original.sha256))).toEqual(
      [],
    );
    const [row] = await t.db.select({ s: catalogItems.searchText }).from(catalogItems).where(eq(catalogItems.id, id));
    expect(row.s).not.toContain(TEST_ID);

    const [event] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: id,
      action: 'catalog.attachment_replaced',
    });
    expect(event.actorId).toBe(w.reviewer.id);
    expect(event.data).toMatchObject({
      attachmentId: original.id,
      reason: '已用PDF编辑软件遮盖身份证号',
      old: { filename: '名单.pdf', sha256: original.sha256, size: original.size },
      new: { filename: '名单（脱敏）.pdf', sha256: sha256Hex(clean), size: clean.byteLength },
      personalData: [],
    });
    expect(JSON.stringify(event.data)).not.toContain(TEST_ID);

    const published = await approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK });
    expect(published.state).toBe('published');
    await expectCode(
      replaceAttachment(deps(), {
        user: w.staff,
        itemId: id,
        attachmentId: original.id,
        filename: 'x.pdf',
        content: dirtyPdf(),
        reason: '发布后替换',
      }),
      'invalid_state',
    );
  });

  it('a replacement that still holds an ID keeps publication blocked, with no override, until replaced clean', async () => {
    const id = await atLastStep('资助名单（PDF，替换后仍有）', [{ filename: '名单.pdf', content: dirtyPdf() }]);
    const [original] = await attachmentsOf(id);
    const stillDirty = pdfWithText(['Student aid list (v2)', `Zhang San ID ${TEST_ID}`]);
    await replaceAttachment(deps(), {
      user: w.reviewer,
      itemId: id,
      attachmentId: original.id,
      filename: '名单v2.pdf',
      content: stillDirty,
      reason: '更新名单',
    });
    expect((await getItem(t.db, id)).piiOverride).toBeNull();
    const [event] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: id,
      action: 'catalog.attachment_replaced',
    });
    expect(event.data.personalData).toEqual([`附件“名单v2.pdf”含有居民身份证号码（${TEST_ID_MASKED}）`]);
    const blocked = await expectCode(approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK }), 'blocked');
    expect(blocked.message).toContain('名单v2.pdf');
    await expectCode(
      replaceAttachment(deps(), {
        user: w.reviewer,
        itemId: id,
        attachmentId: original.id,
        filename: '名单v2.pdf',
        content: stillDirty,
        reason: '同一文件',
      }),
      'bad_input',
    );
    await expectCode(
      replaceAttachment(deps(), {
        user: w.reviewer,
        itemId: id,
        attachmentId: 999_999,
        filename: 'x.pdf',
        content: dirtyPdf(),
        reason: '不存在的附件',
      }),
      'not_found',
    );
    // A 身份证号 is never confirmed for publication: only a clean file releases the item.
    await expectCode(
      overridePersonalData(deps(), { user: w.reviewer, itemId: id, reason: '依法公示，权利人已同意' }),
      'blocked',
    );
    await replaceAttachment(deps(), {
      user: w.reviewer,
      itemId: id,
      attachmentId: original.id,
      filename: '名单v3.pdf',
      content: pdfWithText(['Student aid list (v3)', 'Zhang San ID 110105**********']),
      reason: '已脱敏',
    });
    expect((await approveStep(deps(), { user: w.reviewer, itemId: id, checklist: OK })).state).toBe('published');
  });

  it('staff replace a draft’s attachment; an unreadable replacement is stored without text', async () => {
    const item = await createItem(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '草稿附件替换', category: '20.11', body: '<p>见附件</p>' },
    });
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: '名单.pdf', content: dirtyPdf() });
    const [file] = await attachmentsOf(item.id);
    await replaceAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      attachmentId: file.id,
      filename: '名单扫描件.png',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      reason: '改为扫描件',
    });
    const [replaced] = await attachmentsOf(item.id);
    expect(replaced.mediaType).toBe('image/png');
    expect(replaced.text).toBeNull();
    expect(await itemPersonalData(t.db, await getItem(t.db, item.id))).toEqual([]);
  });
});
