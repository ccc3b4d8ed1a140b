/**
 * 检查指标自查 every week (issue #17): every unit judged on the day (src/standards/self-check.ts); the run's audit
 * event (written by ./run.ts) carries the counts of 红牌, 黄牌 and 绿牌, and the red units by name, so an office
 * sees on Monday morning which units would fail an inspection and why.
 */
import { agencies } from '../db/schema/agencies.ts';
import { selfCheck } from '../standards/self-check.ts';
import type { Job, JobResult } from './job.ts';

export const standardsSelfCheck = {
  name: 'standards-self-check' as const,
  title: '检查指标自查',
  async run(deps): Promise<JobResult> {
    const ids = (await deps.db.select({ id: agencies.id }).from(agencies)).map((a) => a.id);
    const units = await selfCheck(deps.db, ids, deps.clock.today());
    const red = units.filter((u) => u.card === 'red');
    return {
      units: units.length,
      red: red.length,
      yellow: units.filter((u) => u.card === 'yellow').length,
      green: units.filter((u) => u.card === 'green').length,
      redUnits: red
        .map((u) => u.agencyName)
        .join('、')
        .slice(0, 2000),
    };
  },
} satisfies Job;
