/**
 * Extraction throughput over a generated corpus of 10,000 reports (text and HTML, all templates) on one
 * core, read from disk one file at a time. Target: ≥ 1,000 reports/s, memory flat as the batch grows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/extract/batch.ts';
import { corpusCase } from '../src/extract/corpus/generate.ts';
import { expandInputs } from '../src/extract/inputs.ts';

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
}
