/**
 * A PDF's text layer read once per page with the positions of its items (pdf.js through unpdf:
 * getTextContent's transform, width and height), and each page's lines rebuilt from those positions
 * (pdf-layout.ts) rather than from the order the producer drew them in. pdf.js's errors (encrypted, broken)
 * pass through: document.ts turns them into the clerk's one-line reason, and refuses a PDF with no text (a scan).
 */
import { getDocumentProxy } from 'unpdf';
import { type PositionedText, pageText } from './pdf-layout.ts';

interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/** The text items of a page with their positions in PDF space. */
function positioned(items: PdfJsTextItem[]): PositionedText[] {
  const out: PositionedText[] = [];
  for (const item of items) {
    if (item.str === undefined || !item.transform) continue;
    const [a, b, c, d, x, y] = item.transform;
    // The font size is the text matrix's scale; a rotated run still has one (hypot of the column).
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 0;
    out.push({ str: item.str, x, y, width: item.width ?? 0, size, ...(item.hasEOL ? { eol: true } : {}) });
  }
  return out;
}

/** An open PDF (pdf.js through unpdf); the caller destroys it. */
export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
}

/** Every page's positioned items, read once, in page order. */
export async function pdfPages(pdf: PdfDocument): Promise<PositionedText[][]> {
  const pages: PositionedText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(positioned(content.items as PdfJsTextItem[]));
    page.cleanup();
  }
  return pages;
}

/** The PDF's text: each page's lines rebuilt from positions, pages one after another. */
export async function pdfPositionedText(pdf: PdfDocument): Promise<string> {
  return (await pdfPages(pdf)).map(pageText).join('\n');
}
