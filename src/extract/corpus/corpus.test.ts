import { describe, expect, it } from 'vitest';
import { extractBuffer } from '../pipeline.ts';
import { corpus, corpusCase } from './generate.ts';
import { addScores, emptyScore, scoreValues } from './score.ts';

describe('the labelled synthetic set (every template × shape × damage)', () => {
  it('scores at least 99% of values right, and invents none', async () => {
    let total = emptyScore();
    let complete = emptyScore();
    const failures: string[] = [];
    for (const c of corpus(3)) {
      const out = await extractBuffer(c.bytes, c.name);
      const score = scoreValues(c.expected, out.values);
      total = addScores(total, score);
      if (!c.partial) {
        complete = addScores(complete, score);
        if (out.format !== c.format || out.year !== c.year || out.issuer !== c.issuer)
          failures.push(`${c.name}: ${out.format} ${out.year} ${out.issuer}`);
      }
      if (score.invented > 0) failures.push(`${c.name}: ${score.invented} invented`);
    }
    expect(failures).toEqual([]);
    expect(total.invented).toBe(0);
    expect(complete.right / complete.total).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('warns for a row found but not fully read', async () => {
    const c = corpusCase(4, 'tabs', 'dropped-cells');
    const out = await extractBuffer(c.bytes, c.name);
    expect(out.warnings.join('\n')).toMatch(/cells read, \d+ expected/);
  });
});
