/**
 * 脱敏 of attachment files: which formats the platform masks itself — plain text and HTML (in their own
 * encoding), DOCX and XLSX (in their XML, src/catalog/docx.ts and xlsx.ts) — and which it cannot. A PDF's
 * text sits in content streams drawn with subset fonts; covering or dropping the glyphs is not redaction,
 * so a PDF with findings must be replaced by a file processed outside (替换附件). A file whose text could
 * not be read cannot be checked at all.
 */
import iconv from 'iconv-lite';
import { DOCX } from '../files.ts';
import { maskDocx } from './docx.ts';
import { maskPersonalData } from './pii.ts';
import { maskXlsx, XLSX } from './xlsx.ts';

/** Whether 脱敏处理 rewrites files of this type. */
export const canMaskAutomatically = (mediaType: string) =>
  mediaType === 'text/plain' || mediaType === 'text/html' || mediaType === DOCX || mediaType === XLSX;

/**
 * What 保密审查 can do with an attachment: mask it automatically; have it replaced by a processed file
 * (formats not masked here, PDF); or nothing, because its text could not be read and so it was not checked.
 */
export type AttachmentHandling = 'automatic' | 'replace' | 'unreadable';

export function attachmentHandling(mediaType: string, textRead: boolean): AttachmentHandling {
  if (!textRead) return 'unreadable';
  return canMaskAutomatically(mediaType) ? 'automatic' : 'replace';
}

function maskText(bytes: Uint8Array): Uint8Array {
  let source: string;
  let utf8 = true;
  try {
    source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    source = new TextDecoder('gb18030').decode(bytes);
    utf8 = false;
  }
  const masked = maskPersonalData(source);
  if (masked === source) return bytes;
  return utf8 ? new TextEncoder().encode(masked) : new Uint8Array(iconv.encode(masked, 'gb18030'));
}

/**
 * The file with every finding masked, or null when there was nothing to mask or the format is not masked
 * here. Text and HTML keep their encoding (UTF-8 or GB18030); DOCX and XLSX keep every part that did not
 * change.
 */
export async function maskAttachmentContent(bytes: Uint8Array, mediaType: string): Promise<Uint8Array | null> {
  if (mediaType === 'text/plain' || mediaType === 'text/html') {
    const masked = maskText(bytes);
    return masked === bytes ? null : masked;
  }
  if (mediaType === DOCX) return maskDocx(bytes);
  if (mediaType === XLSX) return maskXlsx(bytes);
  return null;
}
