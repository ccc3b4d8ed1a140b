/**
 * The files an applicant hands in with an application (条例第二十九条: 身份证明, an agent's 授权委托书, other
 * materials): which types are taken (PDF, JPG, PNG, DOCX, TXT — the content must say the same as the name),
 * how many and how large, and the list of a case's files without their bytes. Reading the bytes is an action
 * (./actions/read-attachment.ts): only staff handling the case may.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type CaseAttachmentKind, caseAttachments } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { DOCX, looksLikeText, safeFilename, sha256Hex, sniffMediaType } from '../files.ts';

export const MAX_APPLICANT_FILES = 5;
export const MAX_APPLICANT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_APPLICANT_TOTAL_BYTES = 30 * 1024 * 1024;
/** The largest application request the web reads at all: the files and room for the typed-in fields. */
export const MAX_APPLICATION_BODY_BYTES = MAX_APPLICANT_TOTAL_BYTES + 1024 * 1024;
export const APPLICATION_TOO_LARGE = `提交的内容超过${MAX_APPLICATION_BODY_BYTES / 1024 / 1024}MB，未能接收。附件每个不超过${
  MAX_APPLICANT_FILE_BYTES / 1024 / 1024
}MB、合计不超过${MAX_APPLICANT_TOTAL_BYTES / 1024 / 1024}MB，请返回上一页减少或压缩附件后重新提交。`;

export const ATTACHMENT_KIND_NAMES: Record<CaseAttachmentKind, string> = {
  identity: '身份证明',
  authorization: '授权委托书',
  supporting: '其他证明材料',
  other: '其他材料',
};

/** The file types taken, by extension, with the name shown to applicants. */
const ACCEPTED: Record<string, { mediaType: string; label: string }> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  jpg: { mediaType: 'image/jpeg', label: 'JPG' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPG' },
  png: { mediaType: 'image/png', label: 'PNG' },
  docx: { mediaType: DOCX, label: 'Word（DOCX）' },
  txt: { mediaType: 'text/plain', label: '文本（TXT）' },
};
/** For the file input's accept attribute. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED).map((e) => `.${e}`),
  ...new Set(Object.values(ACCEPTED).map((a) => a.mediaType)),
].join(',');
export const ACCEPTED_NAMES = 'PDF、JPG、PNG、DOCX、TXT';

/** What browsers may declare for the accepted types. */
const DECLARED_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

export interface ApplicantFile {
  kind: CaseAttachmentKind;
  filename: string;
  /** The Content-Type the browser sent, if any: checked against the content when it names an accepted type. */
  declaredType?: string;
  content: Uint8Array;
}

export interface CheckedFile {
  kind: CaseAttachmentKind;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

const megabytes = (n: number) => `${n / 1024 / 1024}MB`;

/**
 * Checks an applicant's files and gives what is stored for each (media type from the name, confirmed by the
 * content; checksum). Refused with AppError('bad_input') naming the file: too many, too large, empty, a type
 * not taken, an executable, or content that is not what the name or the declared type says.
 */
export function checkApplicantFiles(files: readonly ApplicantFile[]): CheckedFile[] {
  if (files.length > MAX_APPLICANT_FILES) {
    throw new AppError('bad_input', `附件最多${MAX_APPLICANT_FILES}个，您选择了${files.length}个`);
  }
  const total = files.reduce((n, f) => n + f.content.byteLength, 0);
  if (total > MAX_APPLICANT_TOTAL_BYTES) {
    throw new AppError('bad_input', `附件合计不能超过${megabytes(MAX_APPLICANT_TOTAL_BYTES)}`);
  }
  return files.map((f) => {
    const filename = safeFilename(f.filename);
    if (!filename) throw new AppError('bad_input', '附件缺少文件名');
    const named = `附件“${filename}”`;
    if (f.content.byteLength === 0) throw new AppError('bad_input', `${named}是空文件`);
    if (f.content.byteLength > MAX_APPLICANT_FILE_BYTES) {
      throw new AppError('bad_input', `${named}超过${megabytes(MAX_APPLICANT_FILE_BYTES)}，请压缩后重新上传`);
    }
    const sniffed = sniffMediaType(f.content);
    if (sniffed === 'executable') throw new AppError('bad_input', `${named}是可执行程序，不予接收`);
    const accepted = ACCEPTED[filename.toLowerCase().split('.').pop() ?? ''];
    if (!accepted || !filename.includes('.')) {
      throw new AppError('bad_input', `${named}的类型不予接收，请上传 ${ACCEPTED_NAMES} 格式的文件`);
    }
    const declared = f.declaredType?.split(';')[0].trim().toLowerCase();
    const declaredType = declared ? (DECLARED_ALIASES[declared] ?? declared) : undefined;
    const declaresOther =
      declaredType !== undefined &&
      declaredType !== accepted.mediaType &&
      Object.values(ACCEPTED).some((a) => a.mediaType === declaredType);
    const contentMatches =
      accepted.mediaType === 'text/plain'
        ? sniffed === null && looksLikeText(f.content)
        : sniffed === accepted.mediaType;
    if (declaresOther || !contentMatches) {
      throw new AppError('bad_input', `${named}的内容与文件类型不符（不是有效的${accepted.label}文件）`);
    }
    return {
      kind: f.kind,
      filename,
      mediaType: accepted.mediaType,
      size: f.content.byteLength,
      sha256: sha256Hex(f.content),
      content: f.content,
    };
  });
}

/** A case's files without their bytes, in the order they were handed in. */
export function listCaseAttachments(db: Executor, caseId: number) {
  return db
    .select({
      id: caseAttachments.id,
      kind: caseAttachments.kind,
      filename: caseAttachments.filename,
      mediaType: caseAttachments.mediaType,
      size: caseAttachments.size,
      sha256: caseAttachments.sha256,
      uploadedAt: caseAttachments.uploadedAt,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.id));
}
export type CaseAttachmentInfo = Awaited<ReturnType<typeof listCaseAttachments>>[number];

/** The list as someone who may not read the files sees it: kinds and sizes, no names (they can carry names). */
export const withoutFilenames = (list: readonly CaseAttachmentInfo[]) =>
  list.map((a) => ({ ...a, filename: `${ATTACHMENT_KIND_NAMES[a.kind]}（文件名已隐藏）` }));

/** A size as applicants and staff read it: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
