/**
 * Any published document → text: the kind sniffed from the bytes (a PDF named .html is still a PDF),
 * then decoded: text and HTML in their encoding, DOCX through mammoth's HTML, PDF through its text layer.
 */
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { htmlToText } from './html.ts';
import { decodeText } from './text.ts';

export type DocumentKind = 'txt' | 'html' | 'docx' | 'pdf';

export class UnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableError';
  }
}

export function sniffKind(bytes: Uint8Array, name: string): DocumentKind {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['html', 'htm', 'shtml', 'xhtml'].includes(ext)) return 'html';
  const text = head.toString('latin1');
  if (/<(!doctype html|html|body|table|div|p|meta)[\s>]/i.test(text)) return 'html';
  return 'txt';
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false; // UTF-16
  for (const b of sample) if (b < 8) control++;
  return sample.length > 0 && control / sample.length > 0.01;
}

export interface DocumentText {
  kind: DocumentKind;
  encoding?: string;
  text: string;
}

export async function documentText(bytes: Uint8Array, name: string): Promise<DocumentText> {
  if (bytes.length === 0) throw new UnreadableError('empty file');
  const kind = sniffKind(bytes, name);
  if (kind === 'pdf') {
    let text: string;
    try {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      text = (await extractText(pdf, { mergePages: true })).text as string;
    } catch (error) {
      throw new UnreadableError(`not a readable PDF (${(error as Error).message.split('\n')[0].slice(0, 120)})`);
    }
    if (!text.replace(/\s+/g, '')) throw new UnreadableError('PDF has no text layer (a scanned image?)');
    return { kind, text };
  }
  if (kind === 'docx') {
    try {
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      return { kind, text: htmlToText(value) };
    } catch (error) {
      throw new UnreadableError(`not a readable DOCX (${(error as Error).message.split('\n')[0].slice(0, 120)})`);
    }
  }
  if (looksBinary(bytes)) throw new UnreadableError('binary content, not a text document');
  const { text, encoding } = decodeText(bytes);
  return { kind, encoding, text: kind === 'html' ? htmlToText(text) : text };
}
