/**
 * The real corpus (fixtures/real-corpus/manifest.json, issue #16 part 4): published reports from public
 * sources with hand-checked gold. Template, year and issuer right on every document; nothing invented beyond
 * the known failures listed below; values right overall at least at the floor measured today. The acceptance
 * target (≥ 98% right, 0 invented) is not met: the gap is the Fujian local-variant crawler renderings whose
 * cells run together, and the national rows no arithmetic can cut (repair/run-together-rows.ts leaves those out).
 * Scanned PDFs are skipped, with the reason, where OCR is not installed.
 */
import { describe, expect, it } from 'vitest';
import { type CaseResult, loadCorpus, OCR_ABSENT, ocrInstalled, runCase, totals } from './corpus/real-corpus.ts';

/** The share of gold values read right over the whole corpus, measured on this branch; raise it, never lower it. */
const MIN_VALUES_RIGHT = 0.96;

/**
 * Documents the reader gets wrong today, with the numbers it invents there. The national tables whose cells
 * run together (平潭 2019–2025) are cut by the table's arithmetic (repair/run-together-rows.ts) and invent
 * nothing. The test holds each at no more than today's count, so a fix shows as a lower number to write here
 * and a regression fails.
 */
const KNOWN_INVENTED: Record<string, number> = {
  // The table unread, the narrative's 网上申请数3条，信函申请数4条 stand in for it; the table prints 网上 4, 信函 0.
  'pingtan-county-2013': 2,
};

/**
 * Per document: a rendering that keeps its cells apart (a real table, spaced crawler text, a PDF) reads at
 * least this share of its gold values (measured: 92.9% for the worst, 平潭 2013 with a row short of a
 * number), and so does a national table whose cells run together (measured: 91.3% for the worst, 平潭 2019,
 * whose 第二十条 rows no arithmetic cuts). Local-variant renderings whose cells run together have no floor
 * but KNOWN_INVENTED.
 */
const MIN_VALUES_RIGHT_PER_DOCUMENT = 0.9;
const RUN_TOGETHER = /run together/;

const entries = loadCorpus();
const ocr = ocrInstalled();
const results: CaseResult[] = [];

describe('real corpus', () => {
  it('lists each document once, with its gold and its source', () => {
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    for (const e of entries) expect(e.source.repo ?? e.source.note, e.name).toBeTruthy();
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const r = await runCase(entry, ocr);
    results.push(r);
    if (r.skipped) {
      expect(entry.scanned).toBe(true);
      expect(r.skipped).toBe(OCR_ABSENT);
      return;
    }
    expect(r.refused).toBeUndefined();
    expect(r.score?.invented, 'invented values').toBeLessThanOrEqual(KNOWN_INVENTED[entry.name] ?? 0);
    expect(r.format, 'format').toBe(true);
    expect(r.year, 'year').toBe(true);
    expect(r.issuer, 'issuer').toBe(true);
    if (!RUN_TOGETHER.test(entry.rendering ?? '') || !entry.variant) {
      const share = (r.score?.right ?? 0) / Math.max(1, r.score?.total ?? 0);
      expect(share, 'share of gold values right').toBeGreaterThanOrEqual(MIN_VALUES_RIGHT_PER_DOCUMENT);
    }
  });

  it('reads the gold values right overall', () => {
    const t = totals(results);
    expect(t.scored + t.skipped).toBe(entries.length);
    const known = Object.values(KNOWN_INVENTED).reduce((a, b) => a + b, 0);
    expect(t.invented).toBeLessThanOrEqual(known);
    expect(t.right / t.gold).toBeGreaterThanOrEqual(MIN_VALUES_RIGHT);
  });
});
