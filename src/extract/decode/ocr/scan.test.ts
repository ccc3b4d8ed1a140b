/**
 * Issue #16's acceptance for scans: a seed report's tables rendered in chromium to a picture, the picture
 * wrapped in a PDF with no text layer, read back through OCR in the sandbox worker: at least 95% of the
 * seed's gold values are right, and every other value is reported for review. Skips when the optional OCR
 * components (or chromium) are not installed.
 */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../../../e2e/harness.ts';
import { toReport } from '../../../report/parse.ts';
import { renderHtml } from '../../../report/render/html.ts';
import type { Sandbox } from '../../../sandbox/run.ts';
import { scannedPdf } from '../../../testing/scanned-pdf.ts';
import type { ExtractionOutput } from '../../pipeline.ts';
import { extractBufferSandboxed, extractSandbox } from '../../sandboxed.ts';
import { ocrInstalled } from './load.ts';

const SEED = new URL('../../../../fixtures/seeds/gold/002_4aa25779e377b147.json', import.meta.url);
/** The figure: a scan reads back at least this share of its values. */
const MIN_READ_BACK = 0.95;

const available = Boolean(CHROMIUM) && ocrInstalled();

describe.skipIf(!available)('a scanned PDF (no text layer) read by OCR', () => {
  const gold = JSON.parse(readFileSync(SEED, 'utf8')) as { values: Record<string, unknown>; year: number };
  let pdf: Uint8Array;
  let out: ExtractionOutput;
  let sandbox: Sandbox;

  beforeAll(async () => {
    pdf = await scannedPdf(renderHtml(toReport({ ...gold, hasTable: true })));
    // OCR takes seconds a page, more on a loaded machine: a budget for a scan.
    sandbox = extractSandbox({ timeoutMs: 300_000, memoryMb: 1024 });
    out = await extractBufferSandboxed(sandbox, pdf, 'scan.pdf');
  }, 600_000);
  afterAll(() => sandbox?.close());

  it('is a PDF with no text layer', async () => {
    const doc = await getDocumentProxy(pdf);
    expect((await extractText(doc, { mergePages: true })).text.trim()).toBe('');
  });

  it('reads back at least 95% of the gold values, and reports every other one for review', () => {
    const review = new Set((out.review ?? []).map((r) => r.key));
    const keys = Object.keys(gold.values);
    const right = keys.filter((k) => out.values[k] === gold.values[k]);
    const wrong = keys.filter((k) => out.values[k] !== gold.values[k]);
    expect(out.year).toBe(gold.year);
    expect(right.length / keys.length).toBeGreaterThanOrEqual(MIN_READ_BACK);
    expect(wrong.filter((k) => !review.has(k))).toEqual([]);
    // Values the gold does not have are invented: none may be kept unreviewed.
    expect(Object.keys(out.values).filter((k) => !(k in gold.values) && !review.has(k))).toEqual([]);
  });

  it('gives each value its OCR confidence and the threshold it was judged by', () => {
    expect(out.ocr?.pages).toBe(1);
    expect(out.ocr?.threshold).toBeGreaterThan(0);
    for (const key of Object.keys(out.values)) expect(out.ocr?.confidence).toHaveProperty([key]);
    const reviewed = new Set((out.review ?? []).map((r) => r.key));
    for (const [key, c] of Object.entries(out.ocr?.confidence ?? {}))
      if (c === null || c < (out.ocr?.threshold ?? 1)) expect(reviewed.has(key)).toBe(true);
  });
});
