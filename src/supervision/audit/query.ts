/**
 * 年报审核 across the units a supervisor oversees: every annual report of a year in the subtree of the user's
 * agency (computed and imported alike), audited against the same body's report of the year before
 * (problems.ts) → one problem list, filtered by unit and by kind of problem.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { getAgency, subtree } from '../../agencies/tree.ts';
import { inScope, requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Executor } from '../../db/client.ts';
import type { AnnualReport } from '../../db/schema/reports.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import { getReportRow, previousReport, toReport } from '../../reports/store.ts';
import { type AuditParams, type AuditProblem, auditReport, type ProblemKind } from './problems.ts';

export const ORIGIN_NAMES: Record<AnnualReport['origin'], string> = { computed: '本平台编制', imported: '导入' };
export const REPORT_STATUS_NAMES: Record<AnnualReport['status'], string> = {
  draft: '编制中',
  locked: '已报送',
  published: '已发布',
};

export interface UnitAudit {
  agencyId: number;
  agencyName: string;
  reportId: number;
  year: number;
  issuer: string;
  origin: AnnualReport['origin'];
  status: AnnualReport['status'];
  problems: AuditProblem[];
}

export interface AuditFilter {
  year: number;
  /** One unit of the subtree. */
  agencyId?: number;
  kind?: ProblemKind;
  params?: Partial<AuditParams>;
}

/**
 * The audited reports of the year in the user's subtree (the user's agency included), in the order of the
 * tree; with a filter, only that unit and only problems of that kind (units left without any are dropped).
 * `units` counts the reports audited before the kind filter.
 */
export async function auditSubtree(
  db: Executor,
  user: SessionUser,
  filter: AuditFilter,
): Promise<{ units: UnitAudit[]; audited: number }> {
  requirePermission(user, 'supervision.read', user.agencyId);
  const tree = (await subtree(db, user.agencyId)).filter((a) => inScope(user, a.id));
  const names = new Map(tree.map((a) => [a.id, a.name]));
  const ids =
    filter.agencyId !== undefined ? tree.filter((a) => a.id === filter.agencyId).map((a) => a.id) : [...names.keys()];
  const scope = ids.length ? ids : [-1];
  const [rows, previous] = await Promise.all([
    db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.year, filter.year), inArray(annualReports.agencyId, scope))),
    db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.year, filter.year - 1), inArray(annualReports.agencyId, scope))),
  ]);
  const before = new Map<string, AnnualReport>();
  for (const p of previous.sort((a, b) => a.id - b.id)) before.set(`${p.agencyId}:${p.origin}`, p);
  const order = new Map(tree.map((a, i) => [a.id, i]));
  rows.sort((a, b) => order.get(a.agencyId!)! - order.get(b.agencyId!)! || a.origin.localeCompare(b.origin));
  const units: UnitAudit[] = [];
  for (const row of rows) {
    const prev = before.get(`${row.agencyId}:${row.origin}`);
    let problems = auditReport(toReport(row), prev ? toReport(prev) : undefined, filter.params, optsOf(row));
    if (filter.kind) problems = problems.filter((p) => p.kind === filter.kind);
    if (filter.kind && problems.length === 0) continue;
    units.push(unitOf(row, names.get(row.agencyId!) ?? row.issuer, problems));
  }
  return { units, audited: rows.length };
}

/** An imported report with no narrative at all had only its tables read: its sections are not judged. */
const optsOf = (row: AnnualReport) => ({
  narrativeRead: row.origin === 'computed' || Object.values(row.narrative ?? {}).some((t) => t?.trim()),
});

function unitOf(row: AnnualReport, agencyName: string, problems: AuditProblem[]): UnitAudit {
  return {
    agencyId: row.agencyId!,
    agencyName,
    reportId: row.id,
    year: row.year,
    issuer: row.issuer,
    origin: row.origin,
    status: row.status,
    problems,
  };
}

/** One report of a unit the user oversees, audited (for its 审核意见). */
export async function auditOne(
  db: Executor,
  user: SessionUser,
  reportId: number,
  params?: Partial<AuditParams>,
): Promise<UnitAudit> {
  const row = await getReportRow(db, reportId);
  if (row.agencyId === null) throw new AppError('not_found', `年度报告 ${reportId} 不属于本级所属单位`);
  requirePermission(user, 'supervision.read', row.agencyId);
  const prev = await previousReport(db, row);
  const agency = await getAgency(db, row.agencyId);
  return unitOf(row, agency.name, auditReport(toReport(row), prev ? toReport(prev) : undefined, params, optsOf(row)));
}
