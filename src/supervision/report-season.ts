/**
 * 年报季: for a year, every unit of the subtree — whether its report is drafted, locked (submitted) or
 * published, published by 1月31日 (条例第四十九条), its rule findings — and the consolidated report of
 * the whole subtree (全县 / 全市), summed from the units' records and rule-checked itself.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { subtree } from '../agencies/tree.ts';
import { shanghaiDay } from '../clock.ts';
import type { Executor } from '../db/client.ts';
import { annualReports } from '../db/schema/reports.ts';
import { reportDeadline, submissionTiming } from '../law/annual-report.ts';
import { check } from '../report/check.ts';
import { computeAgencyReport } from '../reports/compute.ts';

/**
 * `today` judges the units that have not published: not yet due before 1月31日, overdue after it
 * (src/law/annual-report.ts).
 */
export async function reportSeason(db: Executor, rootAgencyId: number, year: number, today: string) {
  const units = await subtree(db, rootAgencyId);
  const ids = units.map((u) => u.id);
  const rows = await db
    .select()
    .from(annualReports)
    .where(
      and(
        eq(annualReports.origin, 'computed'),
        eq(annualReports.year, year),
        inArray(annualReports.agencyId, ids.length ? ids : [-1]),
      ),
    );
  const byAgency = new Map(rows.map((r) => [r.agencyId, r]));
  const deadline = reportDeadline(year);
  const unitsStatus = units.map((u) => {
    const r = byAgency.get(u.id);
    const publishedOn = r?.publishedAt ? shanghaiDay(r.publishedAt) : null;
    return {
      agency: u,
      reportId: r?.id ?? null,
      status: r?.status ?? 'missing',
      errorCount: r?.errorCount ?? null,
      publishedOn,
      timing: submissionTiming(year, today, publishedOn),
    };
  });
  // This year's and last year's consolidated reports at the same time (on the server, separate connections).
  const [consolidated, previous] = await Promise.all([
    computeAgencyReport(db, { agencyId: rootAgencyId, year, subtree: true }),
    computeAgencyReport(db, { agencyId: rootAgencyId, year: year - 1, subtree: true }),
  ]);
  return { deadline, units: unitsStatus, consolidated, findings: check(consolidated, { previous }) };
}
