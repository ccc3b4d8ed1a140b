/**
 * Attachment files: a sha256 checksum of the bytes, and their text for search and personal-data detection —
 * plain text (UTF-8, or GB18030 when not UTF-8), HTML, DOCX (mammoth) and PDF with a text layer (unpdf).
 * Other formats, and files that cannot be read, keep null text (and so cannot be checked for personal data).
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { htmlToText } from './sanitize.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The media type from a declared type or the file name. */
export function mediaTypeOf(filename: string, declared?: string): string {
  if (declared && declared !== 'application/octet-stream') return declared.split(';')[0].trim().toLowerCase();
  const ext = filename.toLowerCase().split('.').pop();
  const byExt: Record<string, string> = {
    txt: 'text/plain',
    htm: 'text/html',
    html: 'text/html',
    docx: DOCX,
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return byExt[ext ?? ''] ?? 'application/octet-stream';
}

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
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
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
