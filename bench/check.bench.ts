/** `check` throughput: 10,000 varied reports of all three templates (target: under 1 s). */
import { check } from '../src/report/check.ts';
import type { Report } from '../src/report/model.ts';
import { sampleReport } from '../src/report/sample.ts';

export default async function benchCheck(): Promise<void> {
  const reports: Report[] = [];
  for (let i = 0; i < 10_000; i++) {
    const format = (['old2008', 'new2019', 'new2021'] as const)[i % 3];
    const r = sampleReport({ format, seed: i });
    // One in ten carries a mistake, as published reports do.
    if (i % 10 === 0) {
      const key = Object.keys(r.values)[i % Object.keys(r.values).length];
      r.values[key] = (r.values[key] as number) + 1;
    }
    reports.push(r);
  }
  check(reports[0]); // warm the compiled rule lists
  const start = performance.now();
  let findings = 0;
  for (const r of reports) findings += check(r).length;
  const ms = performance.now() - start;
  console.log(
    `check: ${reports.length} reports in ${ms.toFixed(0)} ms = ${Math.round((reports.length / ms) * 1000)} reports/s, ${findings} findings (target: 10,000 in < 1,000 ms)`,
  );
}
