/** Lists and look-ups of annual reports for the portal, the console and supervision. */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { annualReports, reportCorrections } from '../db/schema/reports.ts';
import { check } from '../report/check.ts';
import type { Finding } from '../report/model.ts';
import { toReport } from './store.ts';

const KIND_ORDER: Record<string, number> = { government: 0, department: 1, town: 2, office: 3 };
const pinyin = new Intl.Collator('zh-Hans-u-co-pinyin').compare;

/**
 * This platform's published reports (never imported ones: those are 年报数据), in the order of the agency
 * tree as an office lists its bodies: the 人民政府 first, then by level (部门, 乡镇街道, 内设机构), each
 * level by the pinyin of its name; newest year first.
 */
export async function publishedReports(db: Executor, filter: { year?: number; agencyIds?: number[] } = {}) {
  const where: SQL[] = [eq(annualReports.status, 'published'), eq(annualReports.origin, 'computed')];
  if (filter.year) where.push(eq(annualReports.year, filter.year));
  if (filter.agencyIds) where.push(inArray(annualReports.agencyId, filter.agencyIds.length ? filter.agencyIds : [-1]));
  const rows = await db
    .select({
      id: annualReports.id,
      issuer: annualReports.issuer,
      year: annualReports.year,
      format: annualReports.format,
      publishedAt: annualReports.publishedAt,
      agencyId: annualReports.agencyId,
      path: agencies.path,
      kind: agencies.kind,
    })
    .from(annualReports)
    .leftJoin(agencies, eq(agencies.id, annualReports.agencyId))
    .where(and(...where));
  const depth = (path: string | null) => (path ? path.split('/').length : 99);
  return rows.sort(
    (a, b) =>
      b.year - a.year ||
      depth(a.path) - depth(b.path) ||
      (KIND_ORDER[a.kind ?? ''] ?? 9) - (KIND_ORDER[b.kind ?? ''] ?? 9) ||
      pinyin(a.issuer, b.issuer),
  );
}

export async function corrections(db: Executor, reportId: number) {
  return db
    .select()
    .from(reportCorrections)
    .where(eq(reportCorrections.reportId, reportId))
    .orderBy(asc(reportCorrections.at));
}

/**
 * What a published report's page reads on every visit, in one statement: whether it is this site's published
 * report, its version (what its rendered body and charts are kept by) and its corrections, without the values,
 * narrative and provenance the body is rendered from once per version (issue #18: the whole row was read and
 * parsed on every visit, and the corrections in a second statement).
 */
export async function publishedReportHead(db: Executor, id: number) {
  const { rows } = await db.execute<{
    id: number;
    updated_at: string | Date;
    fixes: { at: string; reason: string }[] | null;
  }>(sql`
    select r.id, r.updated_at,
      (select json_agg(json_build_object('at', c.at, 'reason', c.reason) order by c.at, c.id)
         from ${reportCorrections} c where c.report_id = r.id) as fixes
    from ${annualReports} r
    where r.id = ${id} and r.status = 'published' and r.origin = 'computed'`);
  const [row] = rows;
  if (!row) return undefined;
  return {
    id: Number(row.id),
    updatedAt: new Date(row.updated_at),
    corrections: (row.fixes ?? []).map((f) => ({ at: new Date(f.at), reason: f.reason })),
  };
}

export interface ImportedFilter {
  year?: number;
  format?: string;
  body?: string;
  withErrors?: boolean;
  limit?: number;
  offset?: number;
}

export async function importedReports(db: Executor, f: ImportedFilter = {}) {
  const where: SQL[] = [eq(annualReports.origin, 'imported')];
  if (f.year) where.push(eq(annualReports.year, f.year));
  if (f.format) where.push(eq(annualReports.format, f.format));
  if (f.body) where.push(sql`${annualReports.issuer} like ${`%${f.body}%`}`);
  if (f.withErrors) where.push(sql`${annualReports.errorCount} > 0`);
  return db
    .select({
      id: annualReports.id,
      issuer: annualReports.issuer,
      bodyKey: annualReports.bodyKey,
      year: annualReports.year,
      format: annualReports.format,
      errorCount: annualReports.errorCount,
      source: annualReports.source,
    })
    .from(annualReports)
    .where(and(...where))
    .orderBy(asc(annualReports.bodyKey), asc(annualReports.year))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0);
}

/** Cross-year checks between each pair of consecutive reports of one body (carry-over, in-force). */
export async function crossYearFindings(db: Executor, key: string): Promise<{ year: number; findings: Finding[] }[]> {
  const rows = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.bodyKey, key), eq(annualReports.origin, 'imported')))
    .orderBy(asc(annualReports.year));
  const out: { year: number; findings: Finding[] }[] = [];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].year !== rows[i - 1].year + 1) continue;
    const findings = check(toReport(rows[i]), { previous: toReport(rows[i - 1]) }).filter((f) =>
      f.rule.startsWith('cross.'),
    );
    out.push({ year: rows[i].year, findings });
  }
  return out;
}
