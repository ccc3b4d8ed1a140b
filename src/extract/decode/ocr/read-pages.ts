/**
 * A scanned document → OCR rows: each page of a PDF rendered to pixels by unpdf through @napi-rs/canvas (at
 * PDF_RENDER_SCALE), or a PNG/JPEG taken as one page; then recognised (./recognize.ts) and put in reading
 * order (./rows.ts). `onPage` is told after each page, for a progress bar: a page takes seconds.
 */
import type { getDocumentProxy } from 'unpdf';
import { renderPageAsImage } from 'unpdf';
import { loadOcr } from './load.ts';
import { decodeImage, prepareOcr, recognizeImage } from './recognize.ts';
import { boxesToRows, type OcrRow } from './rows.ts';

/** PDF points → pixels: 2 gives about 144 dpi, text of a 10.5 pt table about 20 px high, what PP-OCR reads best. */
export const PDF_RENDER_SCALE = 2;

/** A scanned annual report runs to a few pages; more pages than this are not read (bounded time). */
export const MAX_OCR_PAGES = 40;

export type PageProgress = (done: number, total: number) => void;

export interface OcrDocument {
  pages: number;
  rows: OcrRow[];
}

export async function ocrImage(bytes: Uint8Array, onPage?: PageProgress): Promise<OcrDocument> {
  const image = await decodeImage(bytes);
  await prepareOcr();
  onPage?.(0, 1); // the models loaded: a step of its own, so the sandbox's time budget starts again for the page
  const rows = boxesToRows(await recognizeImage(image), 1);
  onPage?.(1, 1);
  return { pages: 1, rows };
}

export async function ocrPdf(
  pdf: Awaited<ReturnType<typeof getDocumentProxy>>,
  onPage?: PageProgress,
): Promise<OcrDocument> {
  const { canvas } = await loadOcr();
  const total = Math.min(pdf.numPages, MAX_OCR_PAGES);
  await prepareOcr();
  onPage?.(0, total); // the models loaded: a step of its own, so the sandbox's time budget starts again for page 1
  const rows: OcrRow[] = [];
  for (let page = 1; page <= total; page++) {
    const png = await renderPageAsImage(pdf, page, {
      // unpdf's type wants the module's default export; the named exports are what it uses.
      canvasImport: (async () => canvas) as unknown as NonNullable<
        Parameters<typeof renderPageAsImage>[2]
      >['canvasImport'],
      scale: PDF_RENDER_SCALE,
    });
    rows.push(...boxesToRows(await recognizeImage(await decodeImage(new Uint8Array(png))), page));
    onPage?.(page, total);
  }
  return { pages: total, rows };
}
