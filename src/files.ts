/**
 * Uploaded files, whatever area keeps them (catalog attachments, an applicant's materials): the sha256
 * checksum, the media type from a declared type or the file name, what the first bytes say the file is
 * (magic numbers), and a file name safe to store and send back.
 */
import { createHash } from 'node:crypto';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  docx: DOCX,
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The media type from a declared type or the file name. */
export function mediaTypeOf(filename: string, declared?: string): string {
  if (declared && declared !== 'application/octet-stream') return declared.split(';')[0].trim().toLowerCase();
  const ext = filename.toLowerCase().split('.').pop();
  return BY_EXTENSION[ext ?? ''] ?? 'application/octet-stream';
}

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));

/** Programs: Windows PE (MZ), ELF, Mach-O (both byte orders, 32/64-bit, fat), Java class, shell scripts. */
const EXECUTABLES: number[][] = [
  ascii('MZ'),
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  ascii('#!'),
];

/**
 * What the content says the file is, from its first bytes: a PDF, PNG, JPEG, DOCX (a zip holding
 * word/document.xml), another zip, an executable program, or null when it says nothing (plain text, say).
 */
export function sniffMediaType(
  bytes: Uint8Array,
): 'application/pdf' | 'image/png' | 'image/jpeg' | typeof DOCX | 'application/zip' | 'executable' | null {
  if (EXECUTABLES.some((m) => startsWith(bytes, m))) return 'executable';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // File names in a zip are stored uncompressed, in each local header and in the central directory.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')
      ? DOCX
      : 'application/zip';
  }
  return null;
}

/** Whether the bytes read as text: UTF-8 or GB18030, with no NUL and no other control bytes but tab and line ends. */
export function looksLikeText(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A file name as sent by a browser, made safe to store and offer for download: the last path segment,
 * without control characters, at most 200 characters (the extension kept).
 */
export function safeFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/**
 * A Content-Disposition value that downloads the file under its own name: an ASCII fallback for old
 * clients and the UTF-8 name as RFC 6266 / RFC 5987 filename*.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The CSP of a download: nothing loads, nothing runs, even if a browser renders it in place. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/**
 * The headers that send a stored file as a download, never rendered in place: its checked media type,
 * Content-Disposition attachment with its name, nosniff, not kept in shared caches, and a sandbox CSP.
 */
export function downloadHeaders(file: { filename: string; mediaType: string }): Record<string, string> {
  return {
    'content-type': file.mediaType,
    'content-disposition': attachmentDisposition(file.filename),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'content-security-policy': DOWNLOAD_CSP,
  };
}
