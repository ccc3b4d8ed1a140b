import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { caseAttachments, cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { sha256Hex } from '../files.ts';
import { sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePng, sampleText, sampleZip } from '../testing/files.ts';
import { readAttachment } from './actions/read-attachment.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { type ApplicantFile, MAX_APPLICANT_FILE_BYTES } from './attachments.ts';
import { caseDetail, trackApplication } from './queries.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let reviewer: Awaited<ReturnType<typeof makeUser>>['user'];
let townStaff: Awaited<ReturnType<typeof makeUser>>['user'];
const clock = fixedClock('2026-03-02T10:00:00+08:00');
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  reviewer = (await makeUser(t.db, { agency: tree.education, role: 'reviewer' })).user;
  townStaff = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
});
afterAll(() => t.close());

let subjects = 0;
const apply = (attachments: ApplicantFile[]) => {
  const subject = `所附材料测试申请 ${++subjects}`;
  return {
    subject,
    run: () =>
      receiveApplication(deps(), {
        user: null,
        application: {
          agencyId: tree.education.id,
          applicantType: 'natural_person',
          applicantName: '张三',
          idNumber: '11010519491231002X',
          phone: '13812345678',
          channel: 'online',
          subject,
        },
        attachments,
      }),
  };
};

/** Rows in the tables an application writes: a refused one must leave them as they were. */
async function counts() {
  const [row] = (
    await t.db.execute<{ cases: number; files: number; events: number }>(sql`select
      (select count(*)::int from ${cases}) as cases,
      (select count(*)::int from ${caseAttachments}) as files,
      (select count(*)::int from ${auditEvents}) as events`)
  ).rows;
  return row;
}

async function nothingStored(subject: string, before: Awaited<ReturnType<typeof counts>>) {
  expect(await t.db.select().from(cases).where(eq(cases.subject, subject))).toEqual([]);
  expect(await counts()).toEqual(before);
}

describe('files handed in with an application (条例第二十九条)', () => {
  it('stores each file with its kind, checked type, size and sha256, with the case and its audit event', async () => {
    const docx = await sampleDocx();
    const files: ApplicantFile[] = [
      { kind: 'identity', filename: 'C:\\fakepath\\身份证正面.jpg', declaredType: 'image/jpeg', content: sampleJpeg() },
      { kind: 'identity', filename: '身份证背面.png', content: samplePng() },
      { kind: 'authorization', filename: '授权委托书.docx', declaredType: 'application/octet-stream', content: docx },
      { kind: 'supporting', filename: '说明.txt', declaredType: 'text/plain', content: sampleText() },
      { kind: 'supporting', filename: '证明.PDF', declaredType: 'application/pdf', content: samplePdf() },
    ];
    const { run } = apply(files);
    const created = await run();
    const stored = await t.db
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, created.id))
      .orderBy(caseAttachments.id);
    expect(stored.map((a) => [a.kind, a.filename, a.mediaType, a.size, a.sha256])).toEqual([
      ['identity', '身份证正面.jpg', 'image/jpeg', sampleJpeg().byteLength, sha256Hex(sampleJpeg())],
      ['identity', '身份证背面.png', 'image/png', samplePng().byteLength, sha256Hex(samplePng())],
      [
        'authorization',
        '授权委托书.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        docx.byteLength,
        sha256Hex(docx),
      ],
      ['supporting', '说明.txt', 'text/plain', sampleText().byteLength, sha256Hex(sampleText())],
      ['supporting', '证明.PDF', 'application/pdf', samplePdf().byteLength, sha256Hex(samplePdf())],
    ]);
    expect(sha256Hex(new Uint8Array(stored[2].content))).toBe(sha256Hex(docx));
    expect(stored.every((a) => a.uploadedAt.getTime() === clock.now().getTime())).toBe(true);

    const [event] = await listAudit(t.db, { entityType: 'case', entityId: created.id });
    expect(event.action).toBe('case.received');
    expect((event.data as { attachments: { sha256: string }[] }).attachments.map((a) => a.sha256)).toEqual(
      stored.map((a) => a.sha256),
    );

    // Staff see the list without bytes; the applicant's tracking view gives names only.
    const detail = await caseDetail(t.db, created.id);
    expect(detail.attachments.map((a) => a.filename)).toHaveLength(5);
    expect(detail.attachments[0]).not.toHaveProperty('content');
    const tracked = await trackApplication(t.db, created.trackingCode);
    expect(tracked?.attachments).toEqual(stored.map((a) => ({ kind: a.kind, filename: a.filename, size: a.size })));
  });

  it.each<[string, () => Promise<ApplicantFile[]>, RegExp]>([
    [
      'a file over 10MB',
      async () => [
        {
          kind: 'supporting',
          filename: '大文件.pdf',
          content: (() => {
            const big = new Uint8Array(MAX_APPLICANT_FILE_BYTES + 1);
            big.set(samplePdf());
            return big;
          })(),
        },
      ],
      /附件“大文件.pdf”超过10MB/,
    ],
    [
      'more than 5 files',
      async () => Array.from({ length: 6 }, (_, i) => ({ kind: 'other', filename: `${i}.pdf`, content: samplePdf() })),
      /附件最多5个/,
    ],
    [
      'an executable named as a PDF',
      async () => [{ kind: 'identity', filename: '身份证.pdf', content: sampleExe() }],
      /可执行程序/,
    ],
    ['an .exe', async () => [{ kind: 'other', filename: 'setup.exe', content: sampleExe() }], /可执行程序/],
    [
      'a type not taken (.zip)',
      async () => [{ kind: 'other', filename: '材料.zip', content: await sampleZip() }],
      /类型不予接收/,
    ],
    [
      'a file without an extension',
      async () => [{ kind: 'other', filename: 'README', content: sampleText() }],
      /类型不予接收/,
    ],
    [
      'a PNG named .jpg',
      async () => [{ kind: 'identity', filename: '身份证.jpg', content: samplePng() }],
      /内容与文件类型不符（不是有效的JPG文件）/,
    ],
    [
      'a zip named .docx',
      async () => [{ kind: 'authorization', filename: '委托书.docx', content: await sampleZip() }],
      /不是有效的Word（DOCX）文件/,
    ],
    [
      'a PDF declared as an image',
      async () => [{ kind: 'identity', filename: '身份证.pdf', declaredType: 'image/png', content: samplePdf() }],
      /内容与文件类型不符/,
    ],
    [
      'binary content named .txt',
      async () => [{ kind: 'other', filename: '说明.txt', content: new Uint8Array([1, 2, 0, 4]) }],
      /不是有效的文本（TXT）文件/,
    ],
    ['an empty file', async () => [{ kind: 'other', filename: '空.pdf', content: new Uint8Array() }], /是空文件/],
  ])('refuses %s and stores nothing', async (_name, files, message) => {
    const { subject, run } = apply([
      { kind: 'identity', filename: '身份证.jpg', content: sampleJpeg() },
      ...(await files()),
    ]);
    const before = await counts();
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_input');
    expect((error as AppError).message).toMatch(message);
    await nothingStored(subject, before);
  });

  it('writes the case, its files and its audit event in one transaction: a failed file write leaves none', async () => {
    await t.db.execute(sql`create function refuse_attachment() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$`);
    await t.db.execute(sql`create trigger refuse_attachment before insert on case_attachments
      for each row execute function refuse_attachment()`);
    const { subject, run } = apply([{ kind: 'identity', filename: '身份证.jpg', content: sampleJpeg() }]);
    const before = await counts();
    try {
      const error = await run().catch((e: unknown) => e);
      expect(String((error as Error).cause ?? error)).toMatch(/disk full/);
    } finally {
      await t.db.execute(sql`drop trigger refuse_attachment on case_attachments`);
      await t.db.execute(sql`drop function refuse_attachment()`);
    }
    await nothingStored(subject, before);
  });
});

describe('reading an applicant file', () => {
  it('gives staff of the case agency the bytes and records who read it; refuses other agencies and read-only roles', async () => {
    const { run } = apply([{ kind: 'identity', filename: '身份证.png', content: samplePng() }]);
    const created = await run();
    const [info] = (await caseDetail(t.db, created.id)).attachments;
    const file = await readAttachment(deps(), { user: staff, caseId: created.id, attachmentId: info.id });
    expect(sha256Hex(file.content)).toBe(sha256Hex(samplePng()));
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: created.id });
    expect(event).toMatchObject({ action: 'case.attachment_read', actorId: staff.id });

    for (const user of [townStaff, reviewer]) {
      await expect(readAttachment(deps(), { user, caseId: created.id, attachmentId: info.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    // The id of a file on another case is not found through this case.
    const other = await apply([]).run();
    await expect(
      readAttachment(deps(), { user: staff, caseId: other.id, attachmentId: info.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAudit(t.db, { entityType: 'case', entityId: created.id })).map((e) => e.action)).toEqual([
      'case.attachment_read',
      'case.received',
    ]);
  });
});
