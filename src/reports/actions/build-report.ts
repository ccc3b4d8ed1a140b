/**
 * The report builder's 生成 button: computes an agency's tables for a year — its own records, or with its
 * subtree's for a consolidated report (本机关及所属单位合计) — and keeps them as its draft.
 */
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { CountScope } from '../../db/schema/reports.ts';
import { computeAgencyReport } from '../compute.ts';
import { saveComputedReport } from './save-computed-report.ts';

export async function buildReport(
  deps: { db: Db; clock: Clock },
  input: { actorId: number | null; agencyId: number; year: number; countScope?: CountScope },
): Promise<number> {
  const countScope = input.countScope ?? 'own';
  const report = await computeAgencyReport(deps.db, {
    agencyId: input.agencyId,
    year: input.year,
    subtree: countScope === 'subtree',
  });
  const row = await saveComputedReport(
    { db: deps.db, now: deps.clock.now() },
    { actorId: input.actorId, agencyId: input.agencyId, report, countScope },
  );
  return row.id;
}
