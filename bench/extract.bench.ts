/**
 * Extraction throughput over a generated corpus of 10,000 reports (text and HTML, all templates) on one
 * core, read from disk one file at a time. Target: ≥ 1,000 reports/s, memory flat as the batch grows.
 * Then PDF throughput in pages/s over the repository's text PDFs (issue #18: ≥ 20 pages/s per core):
 * the positional decode against the joined text it replaced (unpdf's extractText), in the same run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { runBatch } from '../src/extract/batch.ts';
import { corpusCase } from '../src/extract/corpus/generate.ts';
import { documentText } from '../src/extract/decode/document.ts';
import { expandInputs } from '../src/extract/inputs.ts';
import { extractBuffer } from '../src/extract/pipeline.ts';
import { realDir, samplesDir } from '../src/testing/paths.ts';

/** The fixtures' text PDFs, read once, with their page counts. */
async function fixturePdfs(): Promise<{ name: string; bytes: Uint8Array; pages: number }[]> {
  const files = [realDir, samplesDir].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) })),
  );
  const out = [];
  for (const file of files) {
    const pdf = await getDocumentProxy(new Uint8Array(file.bytes), { verbosity: 0 });
    out.push({ ...file, pages: pdf.numPages });
    await pdf.destroy();
  }
  return out;
}

/**
 * Pages per second of one way of reading the PDFs, over `rounds` passes after one pass of warm-up: by the
 * clock, and per CPU second of this process (what one core does, whatever the others' load on the machine;
 * pdf.js runs on this thread, and the collector's helper threads count against it).
 */
async function pagesPerSecond(
  pdfs: { bytes: Uint8Array; pages: number }[],
  rounds: number,
  read: (bytes: Uint8Array) => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  for (const pdf of pdfs) await read(pdf.bytes);
  let pages = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < rounds; r++)
    for (const pdf of pdfs) {
      await read(pdf.bytes);
      pages += pdf.pages;
    }
  const cpu = process.cpuUsage(cpuStart);
  return {
    wall: (pages / (performance.now() - start)) * 1000,
    cpu: (pages / ((cpu.user + cpu.system) / 1000)) * 1000,
  };
}

async function joinedText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    return (await extractText(pdf, { mergePages: true })).text;
  } finally {
    await pdf.destroy();
  }
}

export async function benchPdf(rounds = 5): Promise<void> {
  const pdfs = await fixturePdfs();
  const pages = pdfs.reduce((n, p) => n + p.pages, 0);
  // Interleaved, so the others' load on the machine weighs on both alike.
  type Rate = { wall: number; cpu: number };
  const figures = { joined: [] as Rate[], positioned: [] as Rate[], pipeline: [] as Rate[] };
  for (let i = 0; i < 2; i++) {
    figures.joined.push(await pagesPerSecond(pdfs, rounds, joinedText));
    figures.positioned.push(await pagesPerSecond(pdfs, rounds, (b) => documentText(b, 'r.pdf')));
    figures.pipeline.push(await pagesPerSecond(pdfs, rounds, (b) => extractBuffer(b, 'r.pdf')));
  }
  const best = (xs: Rate[]) =>
    `${Math.max(...xs.map((x) => x.cpu)).toFixed(1)} pages/CPU-s (${Math.max(...xs.map((x) => x.wall)).toFixed(1)} pages/s by the clock)`;
  console.log(
    `extract PDF: ${pdfs.length} text PDFs, ${pages} pages × ${rounds} rounds, best of 2 — baseline joined text (unpdf extractText): ${best(figures.joined)}; positioned decode: ${best(figures.positioned)}; whole extraction: ${best(figures.pipeline)} (target ≥ 20 pages/s per core)`,
  );
}

export default async function benchExtract(): Promise<void> {
  const n = 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
  const shapes = ['tabs', 'html', 'one-per-line', 'aligned'] as const;
  for (let i = 0; i < n; i++) {
    const c = await corpusCase(i, shapes[i % shapes.length], 'none');
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${c.name}`), c.bytes);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  let measuring = 0; // time spent in the forced collections of the memory marks, left out of the rate
  const mark = (label: string) => {
    const t = performance.now();
    gc?.();
    const m = process.memoryUsage();
    measuring += performance.now() - t;
    return `${label}: heap ${(m.heapUsed / 1e6).toFixed(0)} MB, RSS ${(m.rss / 1e6).toFixed(0)} MB`;
  };
  const marks: string[] = [mark('before')];
  measuring = 0;
  let values = 0;
  const start = performance.now();
  const summary = await runBatch(
    expandInputs([dir]),
    (out) => {
      values += Object.keys(out.values).length;
    },
    (done) => {
      if (done === 1_000 || done === 5_000 || done === 10_000) marks.push(mark(`after ${done}`));
    },
  );
  const ms = performance.now() - start - measuring;
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `extract: ${summary.read} reports (${summary.unreadable.length} unreadable) in ${(ms / 1000).toFixed(1)} s = ${Math.round((summary.read / ms) * 1000)} reports/s, ${values} values (target ≥ 1,000 reports/s)`,
  );
  console.log(`extract memory${gc ? ' (after GC)' : ''}: ${marks.join('; ')}`);
  await benchPdf();
}
