/**
 * The bounded fuzz's time: every mutated input (src/extract/fuzz-cases.ts) and every pathological line set
 * must end within 1 s (no hang, no runaway). The test (src/extract/fuzz.test.ts) checks the outcome; the time
 * is measured here, where load on the machine does not fail a build.
 */

import { fuzzCases, fuzzPdf, MUTATIONS, prepareFuzzInputs, prng } from '../src/extract/fuzz-cases.ts';
import { extractBuffer } from '../src/extract/pipeline.ts';
import { readReport } from '../src/extract/read/index.ts';

const BOUND_MS = 1000;

const PATHOLOGICAL: [string, string[]][] = [
  ['control characters', ['\u0000\u0001'.repeat(100_000)]],
  ['a megabyte line', ['a'.repeat(1_000_000)]],
  ['a line of numbers', ['1 '.repeat(500_000)]],
  ['repeated label-like text', ['（一）（二）（三）1.2.3.其中：'.repeat(50_000)]],
  ['unclosed brackets and digits', ['（2019'.repeat(100_000), `20${'1'.repeat(200_000)}年`]],
  ['many short lines', Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '0' : '收到申请数'))],
];

export default async function benchFuzz(): Promise<void> {
  await prepareFuzzInputs();
  await extractBuffer(fuzzPdf, 'warm-up.pdf');
  const slowest = { name: '', ms: 0 };
  const over: string[] = [];
  for (const { name, seed } of fuzzCases(10)) {
    const { bytes, name: file } = MUTATIONS[name](prng(seed));
    const start = performance.now();
    await extractBuffer(bytes, file).catch(() => undefined);
    const ms = performance.now() - start;
    if (ms > slowest.ms) Object.assign(slowest, { name: `${name} #${seed}`, ms });
    if (ms >= BOUND_MS) over.push(`${name} #${seed} ${ms.toFixed(0)} ms`);
  }
  for (const [name, lines] of PATHOLOGICAL) {
    const start = performance.now();
    readReport(lines);
    const ms = performance.now() - start;
    if (ms > slowest.ms) Object.assign(slowest, { name, ms });
    if (ms >= BOUND_MS) over.push(`${name} ${ms.toFixed(0)} ms`);
  }
  console.log(`fuzz: slowest case ${slowest.ms.toFixed(0)} ms (${slowest.name}); target < ${BOUND_MS} ms each`);
  if (over.length) console.log(`  over the bound: ${over.join('; ')}`);
}
