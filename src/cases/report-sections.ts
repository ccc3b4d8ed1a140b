/**
 * Sections 三 and 四 of the annual report, counted from the records for an agency or a subtree and a
 * year — new2021 from 2021, new2019 for 2019–2020, the old table's application rows before 2019 — and
 * each cell's cases (drill-down). Counting rules:
 *   received      received in the year
 *   carried_in    received before the year and not closed before it
 *   results       closed in the year, by outcome (a withdrawal under 2019 rules is 其他处理)
 *   carried_over  received by the year's end and not closed by it
 * so received + carried_in = total + carried_over holds by construction, column by column.
 *   section 四    filed in the year, by outcome as of the year's end (undecided then: 尚未审结)
 */
import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseTallies } from '../db/schema/case-tallies.ts';
import { appeals, cases } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { OUTCOME_2007_IN_2019, OUTCOMES } from '../law/outcomes.ts';
import type { CellValue, TemplateId } from '../report/model.ts';
import { templateForYear } from '../report/templates/index.ts';

const COLUMNS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org'] as const;

const bounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** The appeals the scope's agencies had filed against them in the year. */
const appealsOfYear = (scope: SectionScope) => {
  const { start, end } = bounds(scope.year);
  return and(
    inArray(appeals.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]),
    gte(appeals.filedOn, start),
    lte(appeals.filedOn, end),
  );
};

/** An appeal's outcome as of the year's end: one undecided then (or decided later) counts as `undecidedAs`. */
const appealOutcomeAtYearEnd = (year: number, undecidedAs: string) =>
  sql<string>`case when ${appeals.decidedOn} is null or ${appeals.decidedOn} > ${bounds(year).end} then ${undecidedAs} else ${appeals.outcome} end`;

const CODES_2019 = OUTCOMES.filter((o) => o.regime === '2019').map((o) => o.code);

/**
 * The result row of a closed case in the new tables: its 2019 outcome; a 2007-regime case closed from 2019
 * on, the 2019 outcome its answer maps to (OUTCOME_2007_IN_2019, src/law/outcomes.ts); anything else (a
 * withdrawal) is 其他处理·其他. new2019 folds 其他处理 into one row.
 */
function resultKeyExpr(
  format: TemplateId,
  from: {
    regime: typeof cases.regime | typeof caseTallies.regime;
    outcome: typeof cases.outcome | typeof caseTallies.outcome;
  } = cases,
): SQL<string> {
  const known = sql.join(
    CODES_2019.map((c) => sql`${c}`),
    sql`, `,
  );
  const mapped = sql.join(
    Object.entries(OUTCOME_2007_IN_2019).map(([from, to]) => sql`when ${from} then ${to.code}`),
    sql` `,
  );
  const key = sql`case when ${from.regime} = '2007' then (case ${from.outcome} ${mapped} else 'other.other' end) when ${from.outcome} in (${known}) then ${from.outcome} else 'other.other' end`;
  return format === 'new2019'
    ? sql<string>`case when (${key}) like 'other.%' then 'other' else (${key}) end`
    : sql<string>`${key}`;
}

/** The SQL condition of one cell of the application table (without the agency filter). */
function applyCell(row: string, year: number, format: TemplateId): SQL | undefined {
  const { start, end } = bounds(year);
  const closedIn = and(gte(cases.closedOn, start), lte(cases.closedOn, end));
  switch (row) {
    case 'received':
      return and(gte(cases.receivedOn, start), lte(cases.receivedOn, end));
    case 'carried_in':
      return and(sql`${cases.receivedOn} < ${start}`, or(isNull(cases.closedOn), gte(cases.closedOn, start)));
    case 'carried_over':
      return and(lte(cases.receivedOn, end), or(isNull(cases.closedOn), sql`${cases.closedOn} > ${end}`));
    case 'total':
      return closedIn;
    default:
      return and(closedIn, sql`(${resultKeyExpr(format)}) = ${row}`);
  }
}

function columnCond(column: string): SQL | undefined {
  if (column === 'total') return undefined;
  // An unknown column was a 500 (PostgreSQL refuses the value for its enum): it is no cell of the table.
  if (!(COLUMNS as readonly string[]).includes(column)) throw new AppError('bad_input', `申请表没有这一列：${column}`);
  return eq(cases.applicantType, column as (typeof COLUMNS)[number]);
}

export interface SectionScope {
  agencyIds: number[];
  year: number;
  format?: TemplateId;
}

/** Section 三 (and the old table's application rows) and section 四, keyed as the report contract. */
export async function computeCaseSections(db: Executor, scope: SectionScope): Promise<Record<string, CellValue>> {
  const format = scope.format ?? templateForYear(scope.year);
  const year = scope.year;
  // Counted from the tallies kept beside the cases (src/db/schema/case-tallies.ts): the cases received by the
  // year's end and not closed before it, by the facts the table counts; the same rules as drillDown's.
  const t = caseTallies;
  const relevant = and(
    inArray(t.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]),
    lte(t.receivedYear, year),
    or(isNull(t.closedYear), gte(t.closedYear, year)),
  );
  // Built here, sent below beside the section's other query (Promise.all: on the server, two connections).
  const oldRowsQuery = () =>
    db
      .select({
        applicantType: t.applicantType,
        outcome: t.outcome,
        channel: sql<(typeof cases.channel.enumValues)[number]>`${t.channel}`,
        extended: t.extended,
        received: sql<number>`coalesce(sum(${t.n}) filter (where ${t.receivedYear} = ${year}), 0)::int`,
        carriedIn: sql<number>`coalesce(sum(${t.n}) filter (where ${t.receivedYear} < ${year}), 0)::int`,
        closed: sql<number>`coalesce(sum(${t.n}) filter (where ${t.closedYear} = ${year} and ${t.outcome} is not null), 0)::int`,
        carriedOver: sql<number>`coalesce(sum(${t.n}) filter (where ${t.closedYear} is null or ${t.closedYear} > ${year}), 0)::int`,
      })
      .from(t)
      .where(relevant)
      .groupBy(t.applicantType, t.outcome, t.channel, t.extended);

  const appealsQuery = () =>
    db
      .select({
        kind: appeals.kind,
        outcome: appealOutcomeAtYearEnd(scope.year, 'pending'),
        n: sql<number>`count(*)::int`,
      })
      .from(appeals)
      .where(appealsOfYear(scope))
      .groupBy(sql`1`, sql`2`);

  const values: Record<string, CellValue> = {};
  const add = (key: string, n: number) => {
    values[key] = ((values[key] as number | undefined) ?? 0) + n;
  };

  if (format === 'old2008') {
    const [rows, appealRows] = await Promise.all([oldRowsQuery(), appealsQuery()]);
    const channelRow = {
      in_person: 'in_person',
      fax: 'fax',
      online: 'online',
      email: 'online',
      post: 'letter',
    } as const;
    for (const k of [
      'received',
      'received.in_person',
      'received.fax',
      'received.online',
      'received.letter',
      'completed',
      'completed.on_time',
      'completed.extended',
      'answered',
    ])
      values[`apply.${k}`] = 0;
    for (const o of OUTCOMES.filter((x) => x.regime === '2007')) values[o.reportKey.old2008!] = 0;
    values['apply.answered.refused'] = 0;
    for (const r of rows) {
      add('apply.received', r.received);
      add(`apply.received.${channelRow[r.channel]}`, r.received);
      if (r.outcome && r.closed) {
        add('apply.completed', r.closed);
        add(r.extended ? 'apply.completed.extended' : 'apply.completed.on_time', r.closed);
        const o = OUTCOMES.find((x) => x.code === r.outcome && x.regime === '2007');
        if (o) {
          add('apply.answered', r.closed);
          add(o.reportKey.old2008!, r.closed);
          if (o.code.startsWith('refused.')) add('apply.answered.refused', r.closed);
        }
      }
    }
    for (const kind of ['review', 'litigation'] as const) {
      for (const k of ['total', 'upheld', 'corrected', 'other']) values[`${kind}.${k}`] = 0;
    }
    for (const a of appealRows) {
      const kind = a.kind === 'review' ? 'review' : 'litigation';
      add(`${kind}.total`, a.n);
      if (a.outcome !== 'pending') add(`${kind}.${a.outcome}`, a.n);
      else add(`${kind}.other`, a.n);
    }
    return values;
  }

  const resultRows =
    format === 'new2019'
      ? [
          ...new Set(
            OUTCOMES.filter((o) => o.regime === '2019').map((o) => o.reportKey.new2019!.slice('apply.'.length)),
          ),
        ]
      : OUTCOMES.filter((o) => o.regime === '2019').map((o) => o.code);
  for (const row of ['received', 'carried_in', ...resultRows, 'total', 'carried_over']) {
    for (const col of [...COLUMNS, 'total']) values[`apply.${row}.${col}`] = 0;
  }
  const resultKey = resultKeyExpr(format, t);
  const newRowsQuery = db
    .select({
      applicantType: t.applicantType,
      result: resultKey,
      received: sql<number>`coalesce(sum(${t.n}) filter (where ${t.receivedYear} = ${year}), 0)::int`,
      carriedIn: sql<number>`coalesce(sum(${t.n}) filter (where ${t.receivedYear} < ${year}), 0)::int`,
      closed: sql<number>`coalesce(sum(${t.n}) filter (where ${t.closedYear} = ${year}), 0)::int`,
      carriedOver: sql<number>`coalesce(sum(${t.n}) filter (where ${t.closedYear} is null or ${t.closedYear} > ${year}), 0)::int`,
    })
    .from(t)
    .where(relevant)
    .groupBy(sql`1`, sql`2`);
  const [newRows, appealRows] = await Promise.all([newRowsQuery, appealsQuery()]);
  for (const r of newRows) {
    for (const col of [r.applicantType, 'total']) {
      add(`apply.received.${col}`, r.received);
      add(`apply.carried_in.${col}`, r.carriedIn);
      add(`apply.carried_over.${col}`, r.carriedOver);
      if (r.closed) {
        add(`apply.${r.result}.${col}`, r.closed);
        add(`apply.total.${col}`, r.closed);
      }
    }
  }
  for (const group of ['review', 'litigation.direct', 'litigation.after_review']) {
    for (const k of ['upheld', 'corrected', 'other', 'pending', 'total']) values[`${group}.${k}`] = 0;
  }
  for (const a of appealRows) {
    const group =
      a.kind === 'review' ? 'review' : a.kind === 'litigation_direct' ? 'litigation.direct' : 'litigation.after_review';
    add(`${group}.${a.outcome}`, a.n);
    add(`${group}.total`, a.n);
  }
  return values;
}

const APPEAL_GROUPS: Record<string, (typeof appeals.kind.enumValues)[number]> = {
  review: 'review',
  'litigation.direct': 'litigation_direct',
  'litigation.after_review': 'litigation_after_review',
};

/**
 * The cases of the appeals of `kinds` filed in the year, with `outcome` as of the year's end ('total': all).
 * An appeal undecided at the year's end counts as `undecidedAs` (尚未审结 in the new tables; 其他情形 in
 * the old one) — the same rule the counts use.
 */
async function appealCaseIds(
  db: Executor,
  scope: SectionScope,
  kinds: (typeof appeals.kind.enumValues)[number][],
  outcome: string,
  undecidedAs: 'pending' | 'other',
): Promise<number[]> {
  const asOfYearEnd = appealOutcomeAtYearEnd(scope.year, undecidedAs);
  const rows = await db
    .select({ id: appeals.caseId })
    .from(appeals)
    .where(
      and(
        appealsOfYear(scope),
        inArray(appeals.kind, kinds),
        outcome === 'total' ? undefined : sql`(${asOfYearEnd}) = ${outcome}`,
      ),
    )
    .orderBy(appeals.caseId);
  return rows.map((r) => r.id);
}

/** Section 四: appeals filed in the year, by their outcome as of the year's end (decided later: 尚未审结). */
function drillAppeals(db: Executor, scope: SectionScope & { key: string }): Promise<number[]> {
  const kind = APPEAL_GROUPS[scope.key.slice(0, scope.key.lastIndexOf('.'))];
  if (!kind) throw new AppError('bad_input', `不是第四部分的单元格：${scope.key}`);
  return appealCaseIds(db, scope, [kind], scope.key.split('.').at(-1)!, 'pending');
}

const OLD_CHANNELS: Record<string, (typeof cases.channel.enumValues)[number][]> = {
  in_person: ['in_person'],
  fax: ['fax'],
  online: ['online', 'email'],
  letter: ['post'],
};
const CODES_2007 = OUTCOMES.filter((o) => o.regime === '2007').map((o) => o.code);

/** The ids of the cases counted in one cell of the old table's application, 复议 and 诉讼 rows. */
async function drillOld(db: Executor, scope: SectionScope & { key: string }): Promise<number[]> {
  const { start, end } = bounds(scope.year);
  const agencyFilter = inArray(cases.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]);
  const [group, ...rest] = scope.key.split('.');
  if (group === 'review' || group === 'litigation') {
    const kinds =
      group === 'review' ? (['review'] as const) : (['litigation_direct', 'litigation_after_review'] as const);
    return appealCaseIds(db, scope, [...kinds], rest.join('.'), 'other');
  }
  const row = rest.join('.');
  const receivedIn = and(gte(cases.receivedOn, start), lte(cases.receivedOn, end));
  const closedIn = and(gte(cases.closedOn, start), lte(cases.closedOn, end), sql`${cases.outcome} is not null`);
  let cond: SQL | undefined;
  if (row === 'received') cond = receivedIn;
  else if (row.startsWith('received.'))
    cond = and(receivedIn, inArray(cases.channel, OLD_CHANNELS[row.slice(9)] ?? []));
  else if (row === 'completed') cond = closedIn;
  else if (row === 'completed.on_time') cond = and(closedIn, eq(cases.extended, false));
  else if (row === 'completed.extended') cond = and(closedIn, eq(cases.extended, true));
  else if (row === 'answered') cond = and(closedIn, inArray(cases.outcome, CODES_2007));
  else if (row === 'answered.refused') cond = and(closedIn, sql`${cases.outcome} like 'refused.%'`);
  else if (row.startsWith('answered.')) cond = and(closedIn, eq(cases.outcome, row.slice(9)));
  else throw new AppError('bad_input', `不是旧表的单元格：${scope.key}`);
  const rows = await db.select({ id: cases.id }).from(cases).where(and(agencyFilter, cond)).orderBy(cases.id);
  return rows.map((r) => r.id);
}

/** The ids of the cases counted in one cell of section 三 or 四 (all templates); one id per appeal in 四. */
export async function drillDown(db: Executor, scope: SectionScope & { key: string }): Promise<number[]> {
  const format = scope.format ?? templateForYear(scope.year);
  if (format === 'old2008') return drillOld(db, scope);
  if (/^(review|litigation)\./.test(scope.key)) return drillAppeals(db, scope);
  const parts = scope.key.split('.');
  if (parts[0] !== 'apply' || parts.length < 3) throw new AppError('bad_input', `不是申请表的单元格：${scope.key}`);
  const column = parts.at(-1)!;
  const row = parts.slice(1, -1).join('.');
  const rowCond = applyCell(row, scope.year, format);
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]), rowCond, columnCond(column)))
    .orderBy(cases.id);
  return rows.map((r) => r.id);
}
