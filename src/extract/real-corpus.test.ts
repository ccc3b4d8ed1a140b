/**
 * The real corpus (fixtures/real-corpus/manifest.json, issue #16 part 4): published reports from public
 * sources with hand-checked gold, read as a batch (a body's reports of consecutive years lend each other
 * their running totals, src/extract/series.ts). Template, year and issuer right on every document; nothing
 * invented; values right overall at the acceptance target (≥ 98%). What is still left out: the national
 * rows no arithmetic can cut (repair/run-together-rows.ts).
 * Scanned PDFs are skipped, with the reason, where OCR is not installed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaseResult, loadCorpus, OCR_ABSENT, ocrInstalled, runCorpus, totals } from './corpus/real-corpus.ts';

/** The share of gold values read right over the whole corpus (issue #16's target; measured 98.9%, 3024/3059). */
const MIN_VALUES_RIGHT = 0.98;

/**
 * Per document: a rendering that keeps its cells apart (a real table, spaced crawler text, a PDF) reads at
 * least this share of its gold values (measured: 92.9% for the worst, 平潭 2013 with a row short of a
 * number), and so does a national table whose cells run together (measured: 91.3% for the worst, 平潭 2019,
 * whose 第二十条 rows no arithmetic cuts), and so does a local variant whose rows all run together (平潭
 * 2015–2018, 平潭县 2011–2013: every row, read with the same body's reports of the years either side).
 */
const MIN_VALUES_RIGHT_PER_DOCUMENT = 0.9;
const entries = loadCorpus();
const ocr = ocrInstalled();
let results: CaseResult[] = [];

describe('real corpus', () => {
  beforeAll(async () => {
    results = await runCorpus(entries, ocr);
  }, 120_000);

  it('lists each document once, with its gold and its source', () => {
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    for (const e of entries) expect(e.source.repo ?? e.source.note, e.name).toBeTruthy();
  });

  it.each(entries.map((e, i) => [e.name, e, i] as const))('%s', (_name, entry, i) => {
    const r = results[i];
    if (r.skipped) {
      expect(entry.scanned).toBe(true);
      expect(r.skipped).toBe(OCR_ABSENT);
      return;
    }
    expect(r.refused).toBeUndefined();
    expect(r.score?.invented, 'invented values').toBe(0);
    expect(r.format, 'format').toBe(true);
    expect(r.year, 'year').toBe(true);
    expect(r.issuer, 'issuer').toBe(true);
    const share = (r.score?.right ?? 0) / Math.max(1, r.score?.total ?? 0);
    expect(share, 'share of gold values right').toBeGreaterThanOrEqual(MIN_VALUES_RIGHT_PER_DOCUMENT);
  });

  it('reads the gold values right overall', () => {
    const t = totals(results);
    expect(t.scored + t.skipped).toBe(entries.length);
    expect(t.invented).toBe(0);
    expect(t.right / t.gold).toBeGreaterThanOrEqual(MIN_VALUES_RIGHT);
  });
});
