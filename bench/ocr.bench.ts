/**
 * OCR throughput (issue #16): a seed report's tables rendered in chromium to a scanned PDF (no text layer), read
 * in-process (one thread for onnxruntime) through the whole pipeline, pages/s printed; beside it, in the same run,
 * the same report as a text file, as a baseline for the machine's load. Skips without the optional OCR
 * components or chromium. No target beyond printing (issue #16: "OCR throughput printed (pages/s)").
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CHROMIUM } from '../e2e/harness.ts';
import { loadOcr, ocrInstalled } from '../src/extract/decode/ocr/load.ts';
import { extractBuffer } from '../src/extract/pipeline.ts';
import { toReport } from '../src/report/parse.ts';
import { renderHtml } from '../src/report/render/html.ts';
import { scannedPdf } from '../src/testing/scanned-pdf.ts';

const SEED = new URL('../fixtures/seeds/gold/002_4aa25779e377b147.json', import.meta.url);
const TEXT = new URL('../fixtures/seeds/002_4aa25779e377b147.txt', import.meta.url);
const RUNS = 3;

export default async function benchOcr(): Promise<void> {
  if (!ocrInstalled() || !CHROMIUM) {
    console.log('ocr: skipped (optional OCR components or chromium not installed)');
    return;
  }
  const gold = JSON.parse(readFileSync(SEED, 'utf8'));
  const pdf = await scannedPdf(renderHtml(toReport({ ...gold, hasTable: true })));
  let t = performance.now();
  await loadOcr();
  console.log(`ocr: components loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await extractBuffer(pdf, 'warm-up.pdf'); // models loaded into their sessions
  let pages = 0;
  t = performance.now();
  for (let i = 0; i < RUNS; i++) pages += (await extractBuffer(pdf, 'scan.pdf')).ocr?.pages ?? 0;
  const ocrMs = performance.now() - t;
  const text = readFileSync(TEXT);
  t = performance.now();
  let texts = 0;
  while (performance.now() - t < 2_000) {
    await extractBuffer(text, 'seed.txt');
    texts++;
  }
  const textMs = performance.now() - t;
  console.log(
    `ocr: ${pages} scanned pages in ${(ocrMs / 1000).toFixed(1)} s = ${((pages / ocrMs) * 1000).toFixed(3)} pages/s (${(ocrMs / pages / 1000).toFixed(1)} s a page); baseline, the same report as text: ${Math.round((texts / textMs) * 1000)} reports/s; load average ${loadavg()[0].toFixed(1)}`,
  );
}
