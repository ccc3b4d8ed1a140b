/**
 * Attachment files: a sha256 checksum of the bytes, and their text for search and personal-data detection —
 * plain text (UTF-8, or GB18030 when not UTF-8), HTML, DOCX (mammoth for the body, then headers, footers, notes,
 * comments and document properties: src/catalog/docx.ts), XLSX (src/catalog/xlsx.ts) and PDF with a text layer
 * (unpdf). Other formats, and files that cannot be read, keep null text (and so cannot be checked for personal
 * data). The server reads them in a worker under a budget (`readAttachmentText`).
 */
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../errors.ts';
import { DOCX, mediaTypeOf, sha256Hex } from '../files.ts';
import { Sandbox, SandboxFailure } from '../sandbox/run.ts';
import { docxOtherText } from './docx.ts';
import { htmlToText } from './sanitize.ts';
import { XLSX, xlsxText } from './xlsx.ts';

export { mediaTypeOf, sha256Hex };

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Whether `masked` text can be written back into a file of this type (text and HTML). */
export const isTextual = (mediaType: string) => mediaType === 'text/plain' || mediaType === 'text/html';

/** The text of an attachment, or null when the format is not read. */
export async function extractAttachmentText(bytes: Uint8Array, mediaType: string): Promise<string | null> {
  if (mediaType === 'text/plain') return decodeText(bytes);
  if (mediaType === 'text/html') return htmlToText(decodeText(bytes));
  if (mediaType === DOCX) {
    try {
      const body = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
      const other = await docxOtherText(bytes);
      return other ? `${body}\n${other}` : body;
    } catch {
      return null;
    }
  }
  if (mediaType === XLSX) {
    try {
      return await xlsxText(bytes);
    } catch {
      return null;
    }
  }
  if (mediaType === 'application/pdf') {
    try {
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      try {
        return (await extractText(pdf, { mergePages: true })).text;
      } finally {
        await pdf.destroy();
      }
    } catch {
      return null;
    }
  }
  return null;
}

/** One worker for the text of every attachment this process reads, one at a time (src/sandbox/run.ts). */
let sandbox: Sandbox | undefined;
const ATTACHMENT_BUDGET = { timeoutMs: 15_000, memoryMb: 512 };

/**
 * The text of an attachment read outside the serving thread, under a time and memory budget (issue #19: a
 * 1.2 MB DOCX or a 100 KB XLSX froze every request for a minute and killed the server). A file that breaks
 * the budget or fails the zip checks is refused, with the reason.
 */
export async function readAttachmentText(bytes: Uint8Array, mediaType: string): Promise<string | null> {
  if (mediaType === 'text/plain') return decodeText(bytes);
  sandbox ??= new Sandbox(ATTACHMENT_BUDGET);
  try {
    return await sandbox.run<string | null>(new URL(import.meta.url), 'extractAttachmentText', [bytes, mediaType], {
      zip: mediaType === DOCX || mediaType === XLSX,
    });
  } catch (error) {
    if (error instanceof SandboxFailure)
      throw new AppError('bad_input', `附件无法读取（${error.message}），未能接收。`);
    throw error;
  }
}

/**
 * A file as staff hand it in (上传 or 替换): its name made safe, type, sha256 and extracted text; an empty or
 * too-large file is refused.
 */
export async function prepareAttachment(input: { filename: string; mediaType?: string; content: Uint8Array }) {
  const filename = input.filename.trim().replace(/[\\/]/g, '_');
  if (!filename) throw new AppError('bad_input', '附件文件名不能为空');
  if (input.content.byteLength === 0) throw new AppError('bad_input', '附件内容为空');
  if (input.content.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError('bad_input', '附件超过20MB');
  const mediaType = mediaTypeOf(filename, input.mediaType);
  return {
    filename,
    mediaType,
    sha256: sha256Hex(input.content),
    text: await readAttachmentText(input.content, mediaType),
  };
}
