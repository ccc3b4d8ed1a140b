/**
 * The score on the real corpus (fixtures/real-corpus/manifest.json): per document, values right, invented,
 * template, year, issuer and the expected rule findings; then the totals against issue #16's targets
 * (≥ 98% of gold values right, 0 invented, template and year right on all).
 */
import { formatTable, loadCorpus, runCase } from '../src/extract/corpus/real-corpus.ts';

export default async function benchRealCorpus(): Promise<void> {
  const results = [];
  for (const entry of loadCorpus()) results.push(await runCase(entry));
  console.log(formatTable(results));
}
