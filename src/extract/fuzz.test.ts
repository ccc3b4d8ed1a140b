/**
 * Bounded fuzz (seeded, reproducible; inputs in ./fuzz-cases.ts): every mutated input ends in an
 * ExtractionOutput or an UnreadableError with a one-line reason, never a crash or a hang. How long the
 * slowest case takes (bound: 1 s) is measured in bench/fuzz.bench.ts, not here: a time limit inside a test
 * fails under load (issue #12).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzCases, fuzzPdf, MUTATIONS, prepareFuzzInputs, prng } from './fuzz-cases.ts';
import { type ExtractionOutput, extractBuffer, UnreadableError } from './pipeline.ts';

const cases = fuzzCases(10);
const outcomes = { reports: 0, unreadable: 0 };

describe('fuzz: every mutated input ends in a report or a clear error', () => {
  beforeAll(async () => {
    await prepareFuzzInputs();
    await extractBuffer(fuzzPdf, 'warm-up.pdf'); // the PDF engine loads once
  }, 30_000);

  it.each(cases)('$name #$seed', async ({ name, seed }) => {
    const { bytes, name: file } = MUTATIONS[name](prng(seed));
    const result: ExtractionOutput | Error = await extractBuffer(bytes, file).catch((e: Error) => e);
    if (result instanceof Error) {
      expect(result).toBeInstanceOf(UnreadableError);
      expect(result.message).not.toContain('\n');
      expect(result.message.length).toBeGreaterThan(0);
      outcomes.unreadable++;
    } else {
      expect(['old2008', 'new2019', 'new2021']).toContain(result.format);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result); // the contract JSON, nothing unserialisable
      outcomes.reports++;
    }
  });

  it('ran every case', () => {
    expect(outcomes.reports + outcomes.unreadable).toBe(cases.length);
    expect(outcomes.reports).toBeGreaterThan(0); // measured: about 120 reports and 170 refusals
    expect(outcomes.unreadable).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(250);
  });
});
