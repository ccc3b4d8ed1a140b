/**
 * 登记台账: the register of every application of the agencies a user reads cases for — open and closed —
 * searched by 查询码, 受理编号, applicant or subject, filtered by state, agency, channel, applicant type,
 * outcome, days of receipt and closing, and overdue; sorted, paged with the real total; and the same filtered
 * rows for the XLSX export (register-xlsx.ts). One query module: the console page, the export and the bench
 * call it. Personal data only to those who handle the case: an applicant's name is masked on the rows of
 * agencies the user reads but does not handle, and the applicant search looks only at the agencies they handle
 * (so a search cannot reveal a masked name). Overdue is derived from the due date and today, as everywhere
 * (lifecycle.ts isOverdue): open and past its due date; 逾期答复 is a case closed after its due date.
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, like, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLE_PERMISSIONS, type SessionUser } from '../auth/roles.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { users } from '../db/schema/auth.ts';
import { applicantTypes, type CaseState, caseStates, cases, channels } from '../db/schema/cases.ts';
import { CLOCK_STOPPED_STATES } from '../law/case-clock.ts';
import { OUTCOMES } from '../law/outcomes.ts';
import { isOverdue } from './lifecycle.ts';
import { maskName } from './queries.ts';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const realDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(realDay, '不是有效日期');

export const REGISTER_SORTS = ['received', 'due', 'closed', 'number', 'agency', 'state'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** The register's filters as the page's query string gives them ('' means not set). */
export const registerFilterSchema = z.object({
  q: optional(z.string().trim().max(100)),
  state: optional(z.enum([...caseStates, 'open', 'closed'])),
  agencyId: optional(z.coerce.number().int().positive()),
  channel: optional(z.enum(channels)),
  applicantType: optional(z.enum(applicantTypes)),
  outcome: optional(z.string().max(60)),
  receivedFrom: optional(day),
  receivedTo: optional(day),
  closedFrom: optional(day),
  closedTo: optional(day),
  /** open: 逾期未答复 (open, past due); late: 逾期答复 (closed after the due date); any: either. */
  overdue: optional(z.enum(['open', 'late', 'any'])),
  sort: z.preprocess(blank, z.enum(REGISTER_SORTS).default('received')),
  dir: z.preprocess(blank, z.enum(['asc', 'desc']).default('desc')),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(10).max(200).default(50)),
});
export type RegisterFilters = z.output<typeof registerFilterSchema>;

/** The agencies whose cases a user reads, and those whose cases they handle ('all' for an administrator). */
export interface RegisterScope {
  reads: 'all' | readonly number[];
  handles: 'all' | readonly number[];
}

export function registerScope(user: SessionUser): RegisterScope {
  const has = (p: 'case.read' | 'case.handle') => ROLE_PERMISSIONS[user.role].has(p);
  return { reads: has('case.read') ? user.scope : [], handles: has('case.handle') ? user.scope : [] };
}

const inAgencies = (ids: 'all' | readonly number[]) =>
  ids === 'all' ? undefined : inArray(cases.agencyId, ids.length ? [...ids] : [-1]);

/** 受理编号: the year of receipt and the case's number, e.g. 2026-000123. */
export const caseNumber = (c: { id: number; receivedOn: string }) =>
  `${c.receivedOn.slice(0, 4)}-${String(c.id).padStart(6, '0')}`;

const TRACKING_CODE = /^[A-HJ-NP-Z2-9]{10}$/;
const CASE_NUMBER = /^0*(\d{1,9})$/;
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Open and closed as literal lists (lifecycle.ts isClosed), so the planner matches the partial index of open
 * cases (cases_open_idx) and finds overdue ones without walking the closed.
 */
const OPEN = sql`${cases.state} not in ('replied', 'withdrawn')`;
const CLOSED_NOW = sql`${cases.state} in ('replied', 'withdrawn')`;

/**
 * The search box: a 查询码 or a 受理编号 with its year finds that case alone (an index lookup); other words are
 * looked for in the subject and, on the cases of agencies the user handles, in the applicant's name — a bare
 * number also as a case number. Words without latin letters (Chinese, digits) are matched as typed (LIKE,
 * about twice as fast over the table as ILIKE); latin letters without regard to case.
 */
function searchCondition(q: string, scope: RegisterScope): SQL | undefined {
  const upper = q.toUpperCase();
  if (TRACKING_CODE.test(upper)) return eq(cases.trackingCode, upper);
  const withYear = /^\d{4}-0*(\d{1,9})$/.exec(q);
  if (withYear) return eq(cases.id, Number(withYear[1]));
  const match = /[A-Za-z]/.test(q) ? ilike : like;
  const found: (SQL | undefined)[] = [match(cases.subject, likeText(q))];
  if (scope.handles === 'all' || scope.handles.length) {
    found.push(and(match(cases.applicantName, likeText(q)), inAgencies(scope.handles)));
  }
  const number = CASE_NUMBER.exec(q);
  if (number && Number(number[1]) <= 2_147_483_647) found.push(eq(cases.id, Number(number[1])));
  return or(...found);
}

function conditions(f: RegisterFilters, scope: RegisterScope, today: string): SQL | undefined {
  const where: (SQL | undefined)[] = [inAgencies(scope.reads)];
  if (f.q) where.push(searchCondition(f.q, scope));
  if (f.state === 'open') where.push(OPEN);
  else if (f.state === 'closed') where.push(CLOSED_NOW);
  else if (f.state) where.push(eq(cases.state, f.state));
  if (f.agencyId) where.push(eq(cases.agencyId, f.agencyId));
  if (f.channel) where.push(eq(cases.channel, f.channel));
  if (f.applicantType) where.push(eq(cases.applicantType, f.applicantType));
  if (f.outcome) where.push(eq(cases.outcome, f.outcome));
  if (f.receivedFrom) where.push(gte(cases.receivedOn, f.receivedFrom));
  if (f.receivedTo) where.push(lte(cases.receivedOn, f.receivedTo));
  if (f.closedFrom) where.push(gte(cases.closedOn, f.closedFrom));
  if (f.closedTo) where.push(lte(cases.closedOn, f.closedTo));
  // 逾期未答复 is the clock's own definition (isOverdue): a clock stopped for a 补正 or a fee is not overdue.
  const overdueOpen = and(notInArray(cases.state, CLOCK_STOPPED_STATES as CaseState[]), sql`${cases.dueOn} < ${today}`);
  const late = and(CLOSED_NOW, sql`${cases.closedOn} > ${cases.dueOn}`);
  if (f.overdue === 'open') where.push(overdueOpen);
  else if (f.overdue === 'late') where.push(late);
  else if (f.overdue === 'any') where.push(or(overdueOpen, late));
  return and(...where);
}

const SORT_COLUMNS: Record<RegisterSort, SQL | typeof cases.id | typeof cases.agencyId> = {
  received: sql`${cases.receivedOn}`,
  due: sql`${cases.dueOn}`,
  closed: sql`${cases.closedOn}`,
  number: cases.id,
  // The agency's number (the order agencies were set up in): the index (agency_id, …) serves it.
  agency: cases.agencyId,
  state: sql`${cases.state}`,
};

const OUTCOME_LABELS = new Map(OUTCOMES.map((o) => [`${o.regime}:${o.code}`, o.label]));

const COLUMNS = {
  id: cases.id,
  trackingCode: cases.trackingCode,
  agencyId: cases.agencyId,
  agencyName: agencies.name,
  applicantType: cases.applicantType,
  applicantName: cases.applicantName,
  channel: cases.channel,
  formWanted: cases.formWanted,
  receivedOn: cases.receivedOn,
  subject: cases.subject,
  state: cases.state,
  dueOn: cases.dueOn,
  closedOn: cases.closedOn,
  outcome: cases.outcome,
  regime: cases.regime,
  extended: cases.extended,
  correctionRequestedOn: cases.correctionRequestedOn,
  handlerName: users.displayName,
};

type Raw = Awaited<ReturnType<typeof rowsQuery>>[number];

export interface RegisterRow extends Raw {
  caseNumber: string;
  outcomeLabel: string | null;
  overdue: boolean;
  /** Whether the applicant's name is shown masked (the user reads but does not handle the agency's cases). */
  masked: boolean;
}

function toRow(r: Raw, scope: RegisterScope, today: string): RegisterRow {
  const handles = scope.handles === 'all' || scope.handles.includes(r.agencyId);
  return {
    ...r,
    applicantName: handles ? r.applicantName : maskName(r.applicantName),
    caseNumber: caseNumber(r),
    outcomeLabel: r.outcome ? (OUTCOME_LABELS.get(`${r.regime}:${r.outcome}`) ?? r.outcome) : null,
    overdue: isOverdue(r, today),
    masked: !handles,
  };
}

function rowsQuery(db: Executor, f: RegisterFilters, scope: RegisterScope, today: string) {
  const order = f.dir === 'asc' ? asc : desc;
  return db
    .select(COLUMNS)
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(conditions(f, scope, today))
    .orderBy(order(SORT_COLUMNS[f.sort]), order(cases.id));
}

/** One page of the register with the number of all rows the filters match. */
export async function searchRegister(db: Executor, scope: RegisterScope, filters: RegisterFilters, today: string) {
  const [rows, [{ total }]] = await Promise.all([
    rowsQuery(db, filters, scope, today)
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db
      .select({ total: count() })
      .from(cases)
      .where(conditions(filters, scope, today)),
  ]);
  return {
    rows: rows.map((r) => toRow(r, scope, today)),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pages: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

/** The most rows one export gives: beyond it the register asks for narrower filters. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * Every row the filters match, in the register's order: up to `limit` (by default MAX_EXPORT_ROWS + 1, so the
 * caller can tell there were more).
 */
export async function registerRows(
  db: Executor,
  scope: RegisterScope,
  filters: RegisterFilters,
  today: string,
  limit = MAX_EXPORT_ROWS + 1,
) {
  const rows = await rowsQuery(db, filters, scope, today).limit(limit);
  return rows.map((r) => toRow(r, scope, today));
}

/** The agencies the register's agency filter offers: those whose cases the user reads, in tree order. */
export function registerAgencies(db: Executor, scope: RegisterScope) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(scope.reads === 'all' ? undefined : inArray(agencies.id, scope.reads.length ? [...scope.reads] : [-1]))
    .orderBy(asc(agencies.path))
    .limit(2000);
}

/** The outcomes the outcome filter offers: each code once, in the order of the 2019 list, then 2007's own. */
export const OUTCOME_CHOICES: { code: string; label: string }[] = [
  ...new Map(
    OUTCOMES.map((o) => [o.code, { code: o.code, label: o.regime === '2007' ? `${o.label}（2007年条例）` : o.label }]),
  ).values(),
];

/**
 * The register's rows of the given cases (a report cell's drill-down), oldest receipt first, at most `limit`;
 * only cases of agencies the user reads, names masked where the user does not handle the case.
 */
export async function registerRowsOf(
  db: Executor,
  ids: readonly number[],
  scope: RegisterScope,
  today: string,
  limit = 500,
): Promise<RegisterRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select(COLUMNS)
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(and(inArray(cases.id, unique), inAgencies(scope.reads)))
    .orderBy(asc(cases.receivedOn), asc(cases.id))
    .limit(limit);
  return rows.map((r) => toRow(r, scope, today));
}
