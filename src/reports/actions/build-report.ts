/** The report builder's 生成 button: computes an agency's tables for a year and keeps them as its draft. */
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { computeAgencyReport } from '../compute.ts';
import { saveComputedReport } from './save-computed-report.ts';

export async function buildReport(
  deps: { db: Db; clock: Clock },
  input: { actorId: number | null; agencyId: number; year: number },
): Promise<number> {
  const report = await computeAgencyReport(deps.db, { agencyId: input.agencyId, year: input.year });
  const row = await saveComputedReport(
    { db: deps.db, now: deps.clock.now() },
    { actorId: input.actorId, agencyId: input.agencyId, report },
  );
  return row.id;
}
