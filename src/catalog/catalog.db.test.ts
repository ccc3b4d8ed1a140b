import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { catalogAttachments, catalogReviews } from '../db/schema/catalog.ts';
import { createTestDb, race, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { addAttachment } from './actions/add-attachment.ts';
import { approveStep } from './actions/approve-step.ts';
import { confirmAttachmentChecked } from './actions/confirm-attachment-checked.ts';
import { createItem } from './actions/create-item.ts';
import { maskItemPersonalData } from './actions/mask-personal-data.ts';
import { overridePersonalData } from './actions/override-personal-data.ts';
import { returnItem } from './actions/return-item.ts';
import { saveCatalogSettings } from './actions/save-settings.ts';
import { submitItem } from './actions/submit-item.ts';
import { updateItem } from './actions/update-item.ts';
import { withdrawItem } from './actions/withdraw-item.ts';
import { getItem } from './change.ts';
import { parseIndexNo } from './index-number.ts';
import { searchCatalog } from './search.ts';
import { makeCatalogWorld, seedTestCalendar } from './testing.ts';
import { pdfWithText } from './testing-files.ts';

const OK = { stateSecret: true, commercialSecret: true, privacy: true };
const ID = '11010519491231002X';

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

async function draft(title = '关于做好2025年秋季学期学生资助工作的通知', extra: Record<string, unknown> = {}) {
  return createItem(deps(), {
    user: w.staff,
    agencyId: w.bureau.id,
    fields: {
      title,
      docNo: '某教发〔2025〕12号',
      writtenOn: '2025-09-26',
      category: '20.11',
      body: '<p>各学校：现将有关事项通知如下。</p>',
      ...extra,
    },
  });
}

async function expectCode(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** 初审 by the head, 审核 by a second reviewer, 审发 by `last`: three people (issue #12). */
async function throughChain(id: number, last = w.reviewer) {
  await approveStep(deps(), { user: w.head, itemId: id, checklist: OK });
  await approveStep(deps(), { user: w.second, itemId: id, checklist: OK });
  return approveStep(deps(), { user: last, itemId: id, checklist: OK });
}

describe('索引号', () => {
  it('is <统一社会信用代码>/<year>-<sequence>, in order', async () => {
    const a = await draft();
    const b = await draft();
    const pa = parseIndexNo(a.indexNo)!;
    const pb = parseIndexNo(b.indexNo)!;
    expect(pa.creditCode).toBe(w.bureau.creditCode);
    expect(pa.year).toBe(2025);
    expect(pb.sequence).toBe(pa.sequence + 1);
  });

  it('an office without a code numbers under its department', async () => {
    const officeStaff = (await import('../db/factories.ts')).makeUser(t.db, { agency: w.office, role: 'staff' });
    const item = await createItem(deps(), {
      user: (await officeStaff).user,
      agencyId: w.office.id,
      fields: { title: '办公室信息', category: '20.2' },
    });
    expect(parseIndexNo(item.indexNo)?.creditCode).toBe(w.bureau.creditCode);
  });

  it('is unique under concurrent creation', async () => {
    const results = await race(12, (i) => draft(`并发创建${i}`));
    const numbers = results.map((r) => (r.status === 'fulfilled' ? r.value.indexNo : String(r.reason)));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(new Set(numbers).size).toBe(12);
  });
});

describe('review before release', () => {
  it('goes 初审 → 审核 → 审发 and publishes with the 第二十六条 check', async () => {
    const item = await draft();
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const published = await throughChain(item.id);
    expect(published.state).toBe('published');
    expect(published.publishedOn).toBe('2025-10-20');
    expect(published.publishDueOn).toBe('2025-10-30'); // 国庆中秋 10-01…10-08 off, 09-28 and 10-11 worked
    expect(published.publishedLate).toBe(0);
    const steps = await t.db.select().from(catalogReviews);
    expect(steps.filter((s) => s.itemId === item.id).map((s) => s.step)).toEqual(['提交', '初审', '审核', '审发']);
    const audit = await listAudit(t.db, { entityType: 'catalog_item', entityId: item.id });
    expect(audit.map((a) => a.action)).toContain('catalog.approved');
  });

  it('flags publication later than 20 working days after 成文', async () => {
    const item = await draft('迟发的通知', { writtenOn: '2025-08-01' });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const published = await throughChain(item.id);
    expect(published.publishedLate).toBe(1);
  });

  it('refuses the 审发 step to the one who submitted', async () => {
    const item = await createItem(deps(), {
      user: w.head,
      agencyId: w.bureau.id,
      fields: { title: '负责人起草', category: '20.2' },
    });
    await submitItem(deps(), { user: w.head, itemId: item.id });
    await approveStep(deps(), { user: w.reviewer, itemId: item.id, checklist: OK });
    await approveStep(deps(), { user: w.second, itemId: item.id, checklist: OK });
    const refused = await expectCode(
      approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }),
      'forbidden',
    );
    expect(refused.message).toContain('本人起草或提交');
    expect((await approveStep(deps(), { user: w.third, itemId: item.id, checklist: OK })).state).toBe('published');
  });

  it('each step of the chain needs a different person (separation of duties)', async () => {
    const item = await draft('一人不能办理两个环节');
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK });
    const refused = await expectCode(
      approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }),
      'forbidden',
    );
    expect(refused.message).toContain('“初审”环节');
    expect(refused.message).toContain('“审核”须由另一名审核人员办理');
    expect((await getItem(t.db, item.id)).reviewStep).toBe(1);
    await approveStep(deps(), { user: w.second, itemId: item.id, checklist: OK });
    await expectCode(approveStep(deps(), { user: w.second, itemId: item.id, checklist: OK }), 'forbidden');
    expect((await approveStep(deps(), { user: w.reviewer, itemId: item.id, checklist: OK })).state).toBe('published');
  });

  it('a returned and re-submitted item starts a new round: the same people may review again', async () => {
    const item = await draft('退回后重新审核');
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK });
    await returnItem(deps(), { user: w.second, itemId: item.id, comment: '请补充附件' });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    expect((await approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK })).reviewStep).toBe(1);
  });

  it.each([
    ['staff cannot review', 'staff', 'forbidden'],
    ['another agency cannot review', 'outsider', 'forbidden'],
  ] as const)('%s', async (_n, who, code) => {
    const item = await draft();
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await expectCode(approveStep(deps(), { user: w[who], itemId: item.id, checklist: OK }), code);
  });

  it('needs the confidentiality checklist', async () => {
    const item = await draft();
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await expectCode(
      approveStep(deps(), { user: w.head, itemId: item.id, checklist: { ...OK, privacy: false } }),
      'bad_input',
    );
  });

  it('returns with comments; the drafter edits and resubmits', async () => {
    const item = await draft();
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const back = await returnItem(deps(), { user: w.head, itemId: item.id, comment: '请补充文号' });
    expect(back.state).toBe('returned');
    await updateItem(deps(), {
      user: w.staff,
      itemId: item.id,
      fields: { title: item.title, docNo: '某教发〔2025〕13号', category: '20.11' },
    });
    expect((await submitItem(deps(), { user: w.staff, itemId: item.id })).state).toBe('in_review');
  });

  it('refuses a stale version', async () => {
    const item = await draft();
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await expectCode(
      returnItem(deps(), { user: w.head, itemId: item.id, comment: '旧表单', version: item.version }),
      'conflict',
    );
  });

  it('撤回 after publication needs a reason and takes the item out of search', async () => {
    const item = await draft('将被撤回的公告');
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await throughChain(item.id);
    await expectCode(withdrawItem(deps(), { user: w.head, itemId: item.id, reason: '' }), 'bad_input');
    const gone = await withdrawItem(deps(), { user: w.head, itemId: item.id, reason: '内容有误，重新发布' });
    expect(gone.state).toBe('withdrawn');
    const { hits } = await searchCatalog(t.db, { q: '将被撤回' });
    expect(hits.map((h) => h.id)).not.toContain(item.id);
  });
});

describe('settings', () => {
  it('an agency configures its own chain and directory', async () => {
    const admin = (await (await import('../db/factories.ts')).makeUser(t.db, { agency: w.county, role: 'admin' })).user;
    await saveCatalogSettings(deps(), {
      user: admin,
      agencyId: w.county.id,
      directory: [{ code: 'x', name: '自定义目录', children: [{ code: 'x.1', name: '通知公告' }] }],
      reviewChain: ['审核', '审发'],
      // A unit with one reviewer: its settings let one person take both steps.
      allowOneReviewer: true,
      version: 'new',
    });
    // A second editor who opened the settings before that save is refused, not silently overwriting it (#19).
    await expectCode(
      saveCatalogSettings(deps(), {
        user: admin,
        agencyId: w.county.id,
        directory: null,
        reviewChain: ['初审', '审核', '审发'],
        version: 'new',
      }),
      'conflict',
    );
    const countyStaff = w.outsider;
    await expectCode(
      createItem(deps(), { user: countyStaff, agencyId: w.county.id, fields: { title: '旧目录', category: '20.2' } }),
      'bad_input',
    );
    const item = await createItem(deps(), {
      user: countyStaff,
      agencyId: w.county.id,
      fields: {
        title: '依申请公开的信息',
        category: 'x.1',
        disclosure: 'on_request',
        disclosureBasis: '《条例》第二十七条',
      },
    });
    expect((await submitItem(deps(), { user: countyStaff, itemId: item.id })).reviewChain).toEqual(['审核', '审发']);
    // The administrator keeps the settings but reviews nothing (#14): the county's office head takes both steps.
    await expectCode(approveStep(deps(), { user: admin, itemId: item.id, checklist: OK }), 'forbidden');
    const head = (await (await import('../db/factories.ts')).makeUser(t.db, { agency: w.county, role: 'office_head' }))
      .user;
    await approveStep(deps(), { user: head, itemId: item.id, checklist: OK });
    const done = await approveStep(deps(), { user: head, itemId: item.id, checklist: OK });
    expect(done.state).toBe('filed');
    expect(done.publishedOn).toBeNull();
  });
});

describe('personal data blocks publication', () => {
  const withId = () => new TextEncoder().encode(`学生资助名单\n张三 身份证号${ID} 金额2000元\n`);
  const withMobile = () => new TextEncoder().encode('依法公示的联系人：李四，电话13912345678\n');

  it('an attachment with a valid 身份证号 cannot be published until masked', async () => {
    const item = await draft('资助名单公示');
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: '名单.txt', content: withId() });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const blocked = await expectCode(approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }), 'blocked');
    expect(blocked.message).toContain('110105********002X');
    expect((await getItem(t.db, item.id)).state).toBe('in_review');

    await maskItemPersonalData(deps(), { user: w.reviewer, itemId: item.id });
    const published = await throughChain(item.id);
    expect(published.state).toBe('published');
    const audit = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.personal_data_masked',
    });
    expect(audit).toHaveLength(1);
  });

  it('or a reviewer overrides with a recorded reason', async () => {
    const item = await draft('依法公示的名单');
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: '名单.html', content: withMobile() });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await expectCode(
      overridePersonalData(deps(), { user: w.staff, itemId: item.id, reason: '依法公示需要' }),
      'forbidden',
    );
    await expectCode(overridePersonalData(deps(), { user: w.reviewer, itemId: item.id, reason: '' }), 'bad_input');
    await overridePersonalData(deps(), {
      user: w.reviewer,
      itemId: item.id,
      reason: '依《某某法》第十条须公示，权利人已同意',
    });
    // One reviewer's word is not enough: still blocked, and the same reviewer cannot confirm it.
    const waiting = await expectCode(approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }), 'blocked');
    expect(waiting.message).toContain('须由另一名审核人员复核确认');
    await expectCode(
      overridePersonalData(deps(), { user: w.reviewer, itemId: item.id, reason: '再次确认，权利人已同意' }),
      'forbidden',
    );
    await overridePersonalData(deps(), { user: w.third, itemId: item.id, reason: '复核：依法须公示' });
    const published = await throughChain(item.id);
    expect(published.state).toBe('published');
    expect(published.piiOverride?.reason).toContain('权利人已同意');
    expect(published.piiOverride).toMatchObject({ by: w.reviewer.id, confirmedBy: w.third.id });
    const events = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.personal_data_overridden',
    });
    expect(events.find((e) => e.actorId === w.reviewer.id)?.data.reason).toContain('权利人已同意');
    expect(events.find((e) => e.data.proposedBy === w.reviewer.id)?.actorId).toBe(w.third.id);
  });

  it('an override does not cover personal data added afterwards', async () => {
    const item = await draft('后来又加了号码');
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await returnItem(deps(), { user: w.head, itemId: item.id, comment: '补充附件' });
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: 'a.txt', content: withMobile() });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await overridePersonalData(deps(), { user: w.reviewer, itemId: item.id, reason: '依法公示需要' });
    await overridePersonalData(deps(), { user: w.second, itemId: item.id, reason: '复核同意公示' });
    await returnItem(deps(), { user: w.head, itemId: item.id, comment: '再补充' });
    await addAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      filename: 'b.txt',
      content: new TextEncoder().encode('电话13812345678'),
    });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    // Checked at the first step already, not only at the last.
    await expectCode(approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }), 'blocked');
  });

  it('a 身份证号 cannot be overridden, only masked', async () => {
    const item = await draft('含身份证号的名单');
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: 'a.txt', content: withId() });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const refused = await expectCode(
      overridePersonalData(deps(), { user: w.reviewer, itemId: item.id, reason: '依法公示需要，权利人同意' }),
      'blocked',
    );
    expect(refused.message).toContain('身份证号码不能确认发布');
  });

  it('a full-width ID in a DOCX attachment blocks publication at the first step', async () => {
    const fullWidth = ID.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('X', 'Ｘ');
    const { Document, Packer, Paragraph } = await import('docx');
    const doc = new Document({ sections: [{ children: [new Paragraph(`张三 身份证号：${fullWidth}`)] }] });
    const item = await draft('全角数字的名单');
    await addAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      filename: '名单.docx',
      content: new Uint8Array(await Packer.toBuffer(doc)),
    });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const blocked = await expectCode(approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }), 'blocked');
    expect(blocked.message).toContain('１１０１０５********００２Ｘ');
    await maskItemPersonalData(deps(), { user: w.reviewer, itemId: item.id });
    expect((await throughChain(item.id)).state).toBe('published');
  });

  it('an attachment whose text cannot be read blocks until a reviewer records it was checked by eye', async () => {
    const item = await draft('扫描件');
    // A PDF without a text layer, as a scanner makes it: nothing for the machine to read.
    const scanned = pdfWithText([]);
    const added = await addAttachment(deps(), {
      user: w.staff,
      itemId: item.id,
      filename: '扫描件.pdf',
      content: scanned,
    });
    const [file] = await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, added.id));
    await t.db.update(catalogAttachments).set({ text: null }).where(eq(catalogAttachments.id, file.id));
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    const blocked = await expectCode(approveStep(deps(), { user: w.head, itemId: item.id, checklist: OK }), 'blocked');
    expect(blocked.message).toContain('扫描件.pdf');
    await expectCode(
      confirmAttachmentChecked(deps(), { user: w.staff, itemId: item.id, attachmentId: file.id }),
      'forbidden',
    );
    await confirmAttachmentChecked(deps(), { user: w.head, itemId: item.id, attachmentId: file.id });
    expect((await throughChain(item.id)).state).toBe('published');
    const [event] = await listAudit(t.db, {
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.attachment_checked',
    });
    expect(event.actorId).toBe(w.head.id);
    expect(event.data.filename).toBe('扫描件.pdf');
  });

  it('stores attachments with their sha256', async () => {
    const item = await draft();
    const bytes = new TextEncoder().encode('abc');
    await addAttachment(deps(), { user: w.staff, itemId: item.id, filename: 'x.txt', content: bytes });
    const { catalogAttachments } = await import('../db/schema/catalog.ts');
    const { eq } = await import('drizzle-orm');
    const [att] = await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id));
    expect(att.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(Buffer.from(att.content).toString()).toBe('abc');
  });
});

describe('search', () => {
  it('returns the published item with a highlighted snippet', async () => {
    const item = await draft('关于开展春季植树造林活动的通知', {
      body: '<p>各乡镇：为改善生态环境，决定开展<b>植树造林</b>活动。&lt;注意安全&gt;</p>',
      category: '21.county.public_services',
    });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await throughChain(item.id);
    const { hits, total } = await searchCatalog(t.db, { q: '植树造林', today: '2025-10-20' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(hits[0].id).toBe(item.id);
    expect(hits[0].snippetHtml).toContain('<mark>植树造林</mark>');
    expect(hits[0].snippetHtml).toContain('&lt;注意安全&gt;');
    expect(hits[0].titleHtml).toContain('<mark>');
  });

  it('filters by agency, category, year and type', async () => {
    const base = { q: '植树造林', today: '2025-10-20' };
    expect((await searchCatalog(t.db, { ...base, agencyIds: [w.county.id] })).total).toBe(0);
    expect((await searchCatalog(t.db, { ...base, agencyIds: [w.bureau.id] })).total).toBeGreaterThan(0);
    expect((await searchCatalog(t.db, { ...base, category: '21.county' })).total).toBeGreaterThan(0);
    expect((await searchCatalog(t.db, { ...base, category: '20' })).total).toBe(0);
    expect((await searchCatalog(t.db, { ...base, year: 2024 })).total).toBe(0);
    expect((await searchCatalog(t.db, { ...base, docType: 'normative' })).total).toBe(0);
  });

  it('finds a name by its characters when segmented differently', async () => {
    const item = await draft('任免通知', { body: '<p>任命欧阳明月同志为办公室主任。</p>', category: '20.2' });
    await submitItem(deps(), { user: w.staff, itemId: item.id });
    await throughChain(item.id);
    const { hits } = await searchCatalog(t.db, { q: '欧阳明月' });
    expect(hits.map((h) => h.id)).toContain(item.id);
  });

  it('does not show drafts', async () => {
    await draft('草稿里的独特词语甲乙丙');
    expect((await searchCatalog(t.db, { q: '独特词语甲乙丙' })).total).toBe(0);
  });
});
