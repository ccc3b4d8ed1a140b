/**
 * Any published document → text: the kind sniffed from the bytes (a PDF named .html is still a PDF),
 * then decoded: text and HTML in their encoding, DOCX from its XML into the reader of tags HTML goes through
 * (./docx.ts), XLSX as tab rows, PDF through its text layer with the items' positions (pdf.ts); a PDF without
 * one (a scan) and a PNG or JPEG through OCR (./ocr/, optional components: without them an OcrUnavailableError
 * says what to install). What cannot be read ends in an UnreadableError whose message is one line, in Chinese
 * with the English in brackets, ready for a batch summary.
 */
import { docxText } from './docx.ts';
import { UnreadableError } from './errors.ts';
import { htmlToText } from './html.ts';
import type { OcrDocument, PageProgress } from './ocr/read-pages.ts';
import { rowsToText } from './ocr/rows.ts';
import { decodeText, utf16WithoutBom } from './text.ts';
import { xlsxText } from './xlsx.ts';

export type DocumentKind = 'txt' | 'html' | 'docx' | 'xlsx' | 'pdf' | 'zip' | 'image';

export { UnreadableError };

/** Larger files are not annual reports (the largest real ones are a few MB of PDF). */
export const MAX_BYTES = 64 * 1024 * 1024;

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 120);

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function sniffKind(bytes: Uint8Array, name: string): DocumentKind {
  const head = Buffer.from(bytes.subarray(0, 1024));
  // %PDF- may follow a little junk (a BOM, white space, a mail header): PDF readers accept it too.
  if (head.toString('latin1').slice(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    // Part names are stored uncompressed: the central directory says what the package holds.
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (zip.includes('word/')) return 'docx';
    if (zip.includes('xl/')) return 'xlsx';
    const ext = name.toLowerCase().split('.').pop() ?? '';
    return ext === 'xlsx' ? 'xlsx' : ext === 'docx' ? 'docx' : 'zip';
  }
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['html', 'htm', 'shtml', 'xhtml', 'asp', 'aspx', 'jsp', 'php'].includes(ext)) return 'html';
  // UTF-16 pages: look at the text with the zero bytes taken out.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL bytes of UTF-16
  const text = head.toString('latin1').replace(/\u0000/g, '');
  if (/<(!doctype html|html|head|body|table|div|p|meta|title)[\s>]/i.test(text)) return 'html';
  return 'txt';
}

/** Formats that are not text, with the reason a clerk reads. */
function knownBinary(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return '旧版 Office 文档（.doc/.xls/.wps），请另存为 DOCX 或 PDF (legacy OLE document)';
  if (startsWith(bytes, 0x47, 0x49, 0x46)) return 'GIF 图片，请另存为 PNG 或 JPEG (a GIF image)';
  if (startsWith(bytes, 0x1f, 0x8b)) return '压缩文件，请先解压 (gzip archive)';
  if (startsWith(bytes, 0x52, 0x61, 0x72, 0x21)) return '压缩文件，请先解压 (rar archive)';
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'RTF 文档，请另存为 DOCX 或 PDF (RTF document)';
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (startsWith(sample, 0xff, 0xfe) || startsWith(sample, 0xfe, 0xff)) return false; // UTF-16 with a BOM
  if (utf16WithoutBom(sample)) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 8 || (b > 13 && b < 27)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.01;
}

export interface DocumentText {
  kind: DocumentKind;
  encoding?: string;
  text: string;
  /** The recognised rows of a scan, with their character confidences. */
  ocr?: OcrDocument;
}

export interface DecodeOptions {
  /** Told after each page read by OCR. */
  onPage?: PageProgress;
}

const isImage = (bytes: Uint8Array) => startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff);

/**
 * The PDF reader and OCR (pdf.js through unpdf) loaded when the first PDF or image comes: a batch of text, HTML
 * or DOCX never loads them, and each sandbox worker starts that much sooner and cheaper.
 */
let pdfReaders: Promise<[typeof import('./pdf.ts'), typeof import('./ocr/read-pages.ts')]> | undefined;
const loadPdfReaders = () => {
  pdfReaders ??= Promise.all([import('./pdf.ts'), import('./ocr/read-pages.ts')]);
  return pdfReaders;
};

async function pdfText(bytes: Uint8Array, opts: DecodeOptions): Promise<{ text: string; ocr?: OcrDocument }> {
  const [{ openPdf, pdfPositionedText }, { ocrPdf }] = await loadPdfReaders();
  try {
    // Opened once: its text layer read with positions, and a scan (no text layer) handed to OCR.
    const pdf = await openPdf(bytes);
    try {
      const text = await pdfPositionedText(pdf);
      if (text.replace(/\s+/g, '')) return { text };
      const ocr = await ocrPdf(pdf, opts.onPage);
      return { text: rowsToText(ocr.rows), ocr };
    } finally {
      await pdf.destroy().catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
    const reason = firstLine(error);
    if (/password/i.test(reason) || (error as { name?: string })?.name === 'PasswordException')
      throw new UnreadableError('PDF 已加密 (encrypted PDF)');
    throw new UnreadableError(`PDF 无法解析 (not a readable PDF: ${reason})`);
  }
}

async function imageOcr(bytes: Uint8Array, opts: DecodeOptions): Promise<OcrDocument> {
  const [, { ocrImage }] = await loadPdfReaders();
  try {
    return await ocrImage(bytes, opts.onPage);
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
    throw new UnreadableError(`图片无法识别 (not a readable image: ${firstLine(error)})`);
  }
}

export async function documentText(bytes: Uint8Array, name: string, opts: DecodeOptions = {}): Promise<DocumentText> {
  if (bytes.length === 0) throw new UnreadableError('空文件 (empty file)');
  if (bytes.length > MAX_BYTES)
    throw new UnreadableError(`文件过大 (file too large: ${Math.round(bytes.length / 1024 / 1024)} MB)`);
  const kind = sniffKind(bytes, name);
  if (kind === 'pdf') {
    const { text, ocr } = await pdfText(bytes, opts);
    if (!text.replace(/\s+/g, ''))
      throw new UnreadableError('PDF 没有文字层，文字识别也未读出文字 (PDF has no text layer and OCR found no text)');
    return { kind, text, ...(ocr ? { ocr } : {}) };
  }
  if (kind === 'zip')
    throw new UnreadableError('ZIP 压缩包，不是 DOCX 或 XLSX 文档 (a zip archive, not a DOCX or XLSX)');
  if (kind === 'xlsx') {
    try {
      return { kind, text: await xlsxText(bytes) };
    } catch (error) {
      throw new UnreadableError(`XLSX 无法解析 (not a readable XLSX: ${firstLine(error)})`);
    }
  }
  if (kind === 'docx') {
    try {
      return { kind, text: docxText(bytes) };
    } catch (error) {
      throw new UnreadableError(`DOCX 无法解析 (not a readable DOCX: ${firstLine(error)})`);
    }
  }
  if (isImage(bytes)) {
    const ocr = await imageOcr(bytes, opts);
    return { kind: 'image', text: rowsToText(ocr.rows), ocr };
  }
  const binary = knownBinary(bytes);
  if (binary) throw new UnreadableError(binary);
  if (looksBinary(bytes)) throw new UnreadableError('二进制内容，不是文本文档 (binary content, not a text document)');
  const { text, encoding } = decodeText(bytes);
  return { kind, encoding, text: kind === 'html' ? htmlToText(text) : text };
}
