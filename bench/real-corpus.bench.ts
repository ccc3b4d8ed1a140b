/**
 * The score on the real corpus (fixtures/real-corpus/manifest.json): per document, values right, invented,
 * template, year, issuer and the expected rule findings; then the totals against issue #16's targets
 * (≥ 98% of gold values right, 0 invented, template and year right on all).
 */
import { formatTable, loadCorpus, runCorpus } from '../src/extract/corpus/real-corpus.ts';

export default async function benchRealCorpus(): Promise<void> {
  // Read as a batch: a body's reports of consecutive years lend each other their running totals.
  console.log(formatTable(await runCorpus(loadCorpus())));
}
