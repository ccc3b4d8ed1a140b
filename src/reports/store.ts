/**
 * Reading and writing annual reports in the database, shared by the actions. A stored row becomes the
 * report model again here, and every write re-runs the rule check so stored findings are never stale.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type AnnualReport, annualReports } from '../db/schema/reports.ts';
import { AppError } from '../errors.ts';
import { check } from '../report/check.ts';
import type { Finding, Report, TemplateId } from '../report/model.ts';

export function toReport(row: AnnualReport): Report {
  return {
    format: row.format as TemplateId,
    year: row.year,
    issuer: row.issuer,
    hasTable: row.hasTable,
    values: row.values,
    narrative: row.narrative,
    provenance: row.provenance ?? undefined,
  };
}

/** The same body's report of the year before, if kept. */
export async function previousReport(
  db: Executor,
  row: Pick<AnnualReport, 'bodyKey' | 'year' | 'agencyId' | 'origin'>,
) {
  const [prev] = await db
    .select()
    .from(annualReports)
    .where(
      and(
        row.agencyId ? eq(annualReports.agencyId, row.agencyId) : eq(annualReports.bodyKey, row.bodyKey),
        eq(annualReports.year, row.year - 1),
        eq(annualReports.origin, row.origin),
      ),
    )
    .orderBy(desc(annualReports.id))
    .limit(1);
  return prev;
}

export async function findingsFor(
  db: Executor,
  report: Report,
  row: Parameters<typeof previousReport>[1],
  statements = [],
) {
  const prev = await previousReport(db, row);
  const findings = check(report, { previous: prev ? toReport(prev) : undefined, statements });
  return { findings, errorCount: findings.filter((f) => f.severity === 'error').length };
}

export async function getReportRow(db: Executor, id: number, lock = false): Promise<AnnualReport> {
  const query = db.select().from(annualReports).where(eq(annualReports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', `年度报告 ${id} 不存在`);
  return row;
}

export const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
