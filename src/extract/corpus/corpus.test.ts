import { describe, expect, it } from 'vitest';
import { extractBuffer, UnreadableError } from '../pipeline.ts';
import { type CorpusCase, corpus, corpusCase } from './generate.ts';
import { addScores, emptyScore, type Score, scoreValues } from './score.ts';

/** What the reader achieves on the complete cases (measured: 100%). */
const MIN_ACCURACY = 0.999;

interface Tally {
  score: Score;
  failures: string[];
}

async function run(cases: AsyncIterable<CorpusCase>, keep: (c: CorpusCase) => boolean): Promise<Tally> {
  let score = emptyScore();
  const failures: string[] = [];
  for await (const c of cases) {
    if (!keep(c)) continue;
    const out = await extractBuffer(c.bytes, c.name).catch((error) => {
      if (c.partial && error instanceof UnreadableError) return undefined; // cut before the title
      throw error;
    });
    if (!out) continue;
    const expected = { ...c.expected };
    for (const key of c.nullOrAbsent) if (!(key in out.values)) delete expected[key];
    const s = scoreValues(expected, out.values);
    if (s.invented > 0) failures.push(`${c.name}: ${s.invented} invented`);
    if (c.partial) continue; // a truncated document: only invented values count
    score = addScores(score, s);
    if (out.format !== c.format || out.year !== c.year || out.issuer !== c.issuer)
      failures.push(`${c.name}: ${out.format} ${out.year} ${out.issuer}`);
  }
  return { score, failures };
}

describe('the labelled synthetic set (every template × shape × damage)', () => {
  it(`reads at least ${MIN_ACCURACY * 100}% of values right, with template, year and issuer, and invents none`, async () => {
    const { score, failures } = await run(corpus(5), () => true);
    expect(failures).toEqual([]);
    expect(score.invented).toBe(0);
    expect(score.total).toBeGreaterThan(30_000);
    expect(score.right / score.total).toBeGreaterThanOrEqual(MIN_ACCURACY);
  }, 120_000);

  it('warns for a row found but not fully read', async () => {
    const c = await corpusCase(4, 'tabs', 'dropped-cells');
    const out = await extractBuffer(c.bytes, c.name);
    expect(out.warnings.join('\n')).toMatch(/cells read, \d+ expected/);
  });
});
