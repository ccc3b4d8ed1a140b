/**
 * Acceptance: the five seeds and the two sample PDFs read to their gold exactly (format, year, issuer,
 * hasTable, every value), and the rule check of the result gives exactly the gold violations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { check } from '../../report/check.ts';
import { samplesDir, seedGoldDir, seedsDir } from '../../testing/paths.ts';
import { toLines } from '../repair/index.ts';
import { type ExtractionResult, readReport } from './index.ts';
import { scoreValues } from './score.ts';

interface Gold {
  format: string;
  has_table: boolean;
  year: number;
  issuer: string;
  values: Record<string, number | string | null>;
  violations: string[];
}

const goldOf = (path: string): Gold => JSON.parse(readFileSync(path, 'utf8'));

function violations(r: ExtractionResult): string[] {
  const findings = check(
    { format: r.format, year: r.year ?? 0, issuer: r.issuer ?? '', values: r.values, hasTable: r.hasTable },
    { statements: r.statements },
  );
  return [...new Set(findings.map((f) => f.rule))].sort();
}

function expectGold(r: ExtractionResult, gold: Gold, lines: string[]) {
  expect({ format: r.format, year: r.year, issuer: r.issuer, hasTable: r.hasTable }).toEqual({
    format: gold.format,
    year: gold.year,
    issuer: gold.issuer,
    hasTable: gold.has_table,
  });
  expect(r.values).toEqual(gold.values);
  expect(scoreValues(gold.values, r.values)).toMatchObject({ wrong: 0, missing: 0, extra: 0, invented: 0 });
  expect(violations(r)).toEqual([...gold.violations].sort());
  // Provenance for every value, pointing at a real line that holds the printed text.
  for (const key of Object.keys(r.values)) {
    const p = r.provenance[key];
    expect(p, key).toBeDefined();
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines.length);
    const near = lines
      .slice(p.line - 1, p.line + 1)
      .join('')
      .replace(/\s+/g, '');
    expect(near, key).toContain(p.text.replace(/\s+/g, ''));
  }
}

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));

describe('seeds read to their gold exactly', () => {
  it.each(seeds)('%s', (seed) => {
    const lines = toLines(readFileSync(join(seedsDir, seed), 'utf8'));
    const r = readReport(lines, { source: seed });
    expectGold(r, goldOf(join(seedGoldDir, seed.replace(/\.txt$/, '.json'))), lines);
  });
});

async function pdfLines(name: string): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(samplesDir, name))));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.split('\n');
}

describe('sample PDFs read to their gold exactly', () => {
  it.each(['hongze-2023', 'hongze-2024'])('%s: lines as unpdf gives them', async (name) => {
    const lines = await pdfLines(`${name}.pdf`);
    expectGold(readReport(lines, { source: name }), goldOf(join(samplesDir, 'gold', `${name}.json`)), lines);
  });

  it.each(['hongze-2023', 'hongze-2024'])('%s: lines after repair', async (name) => {
    const lines = toLines((await pdfLines(`${name}.pdf`)).join('\n'));
    expectGold(readReport(lines, { source: name }), goldOf(join(samplesDir, 'gold', `${name}.json`)), lines);
  });

  it('hongze-2024 states 17 applications where the table has 95: a statement, not a value', async () => {
    const r = readReport(await pdfLines('hongze-2024.pdf'));
    expect(r.values['apply.received.total']).toBe(95);
    expect(r.statements).toContainEqual(expect.objectContaining({ key: 'apply.received.total', value: 17 }));
  });
});
