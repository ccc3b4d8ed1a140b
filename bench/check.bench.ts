/**
 * `check` throughput: 10,000 varied reports of all three templates, some with mistakes, blank totals, a
 * previous year and narrative statements (target: 10,000 in under 1 s, i.e. ≥ 10,000 reports/s).
 */
import { type CheckOptions, check } from '../src/report/check.ts';
import type { Report, TemplateId } from '../src/report/model.ts';
import { sampleReport } from '../src/report/sample.ts';

const FORMATS: TemplateId[] = ['old2008', 'new2019', 'new2021'];
/** Totals a clerk leaves blank now and then. */
const BLANKABLE: Record<TemplateId, string[]> = {
  old2008: ['apply.answered', 'apply.completed', 'review.total', 'apply.answered.refused'],
  new2019: ['apply.total.natural_person', 'apply.received.total', 'review.total'],
  new2021: ['apply.total.total', 'apply.carried_over.total', 'litigation.direct.total'],
};

export default async function benchCheck(): Promise<void> {
  const built = performance.now();
  const cases: { report: Report; opts: CheckOptions }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const format = FORMATS[i % 3];
    const report = sampleReport({ format, seed: i, year: format === 'new2021' ? 2023 : undefined });
    const keys = Object.keys(report.values);
    // One in ten carries a mistake, as published reports do.
    if (i % 10 === 0) {
      const key = keys[i % keys.length];
      report.values[key] = (report.values[key] as number) + 1;
    }
    if (i % 7 === 0) report.values[BLANKABLE[format][i % BLANKABLE[format].length]] = null;
    const opts: CheckOptions = {};
    if (format === 'new2021' && i % 5 === 0) {
      opts.previous = sampleReport({ format, seed: i + 1, year: 2022 });
    }
    if (i % 4 === 0) {
      const key = format === 'old2008' ? 'apply.received' : 'apply.received.total';
      const value = (report.values[key] as number) + (i % 8 === 0 ? 1 : 0);
      opts.statements = [{ key, value, text: `收到申请${value}件` }];
    }
    cases.push({ report, opts });
  }
  const buildMs = performance.now() - built;

  for (const f of FORMATS) check(sampleReport({ format: f })); // compile each template's rules once
  const start = performance.now();
  let findings = 0;
  for (const { report, opts } of cases) findings += check(report, opts).length;
  const ms = performance.now() - start;
  console.log(
    `check: ${cases.length} reports in ${ms.toFixed(0)} ms = ${Math.round((cases.length / ms) * 1000)} reports/s, ${findings} findings (built in ${buildMs.toFixed(0)} ms; target: 10,000 in < 1,000 ms)`,
  );
}
