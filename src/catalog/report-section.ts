/**
 * Section 二 (主动公开政府信息情况) computed from the catalog for an agency or a subtree and a year, and each
 * cell's items or monthly figures (drill-down). Counting rules (items: state published):
 *   new2021 s20_1  made = 成文日期 in the year; repealed = 废止日期 in the year; in_force = made by the year's
 *                  end and not repealed by it (修订 stays in force) — so in_force(N) = in_force(N−1) + made(N)
 *                  − repealed(N) holds by construction (rule cross.s20_1.in_force).
 *   new2019 s20_1  produced = 成文日期 in the year; published = 发布日期 in the year; total = published by the
 *                  year's end and in force then.
 *   s20_5/6/8/9    from the monthly figures: decisions and amounts summed over the months, or an agency's
 *                  全年合计 (month 0) when one was entered instead; 上一年项目数量 = the last month entered of the
 *                  previous year (全年合计 as its end), 本年增/减 = this year's last month − that.
 *   old2008        proactive.total and channels = items published in the year; normative_docs = 规范性文件
 *                  published in the year; normative_docs_issued = made in the year; response.interpretations =
 *                  政策解读 published in the year.
 */
import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { catalogItems, catalogMonthlyFigures } from '../db/schema/catalog.ts';
import { catalogTallies } from '../db/schema/catalog-tallies.ts';
import type { CellValue, TemplateId } from '../report/model.ts';
import { templateForYear } from '../report/templates/index.ts';
import type { FigureKey } from './figures.ts';

export interface SectionScope {
  agencyIds: number[];
  year: number;
  format?: TemplateId;
}

const DOC_ROWS = { rules: 'rule', normative: 'normative' } as const;
const CHANNEL_ROWS = {
  'proactive.gazette': 'gazette',
  'proactive.website': 'website',
  'proactive.weibo': 'weibo',
  'proactive.wechat': 'wechat',
  'proactive.other_channels': 'other',
} as const;

/** Figure-based cells: report key → figure key and how it is read. */
const FIGURE_CELLS: Record<TemplateId, Record<string, [FigureKey, 'sum' | 'prev' | 'change']>> = {
  new2021: {
    's20_5.licensing.decisions': ['licensing.decisions', 'sum'],
    's20_6.penalty.decisions': ['penalty.decisions', 'sum'],
    's20_6.coercion.decisions': ['coercion.decisions', 'sum'],
    's20_8.fees.amount': ['fees.amount', 'sum'],
  },
  new2019: {
    ...Object.fromEntries(
      (['licensing', 'other_services', 'penalty', 'coercion'] as const).flatMap((row) => {
        const section = row === 'penalty' || row === 'coercion' ? 's20_6' : 's20_5';
        return [
          [`${section}.${row}.prev`, [`${row}.items`, 'prev']],
          [`${section}.${row}.change`, [`${row}.items`, 'change']],
          [`${section}.${row}.decisions`, [`${row}.decisions`, 'sum']],
        ];
      }),
    ),
    's20_8.fees.prev': ['fees.items', 'prev'],
    's20_8.fees.change': ['fees.items', 'change'],
    's20_9.procurement.projects': ['procurement.projects', 'sum'],
    's20_9.procurement.amount': ['procurement.amount', 'sum'],
  },
  old2008: {},
};

/** The figure keys a template's section 二 reads, in the table's order (the builder's 第二十条 form). */
export function figureKeysOf(format: TemplateId): FigureKey[] {
  return [...new Set(Object.values(FIGURE_CELLS[format]).map(([key]) => key))];
}

const bounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * The facts a cell of section 二 is counted by, as SQL over one table: the items themselves (drill-down) or the
 * counts kept beside them (`catalog_tallies`, the report), so both read one set of rules (cellCondition).
 */
interface CountedFacts {
  publishedIn: SQL | undefined;
  publishedBy: SQL | undefined;
  madeIn: SQL | undefined;
  madeBy: SQL | undefined;
  repealedIn: SQL | undefined;
  notRepealedBy: SQL | undefined;
  docType(type: string): SQL;
  channel(channel: string): SQL;
}

/** Over the items: dates within the year's bounds (the published state is added by itemCellCondition). */
function itemFacts(year: number): CountedFacts {
  const { start, end } = bounds(year);
  const t = catalogItems;
  return {
    publishedIn: and(gte(t.publishedOn, start), lte(t.publishedOn, end)),
    publishedBy: lte(t.publishedOn, end),
    madeIn: and(gte(t.writtenOn, start), lte(t.writtenOn, end)),
    madeBy: lte(t.writtenOn, end),
    repealedIn: and(gte(t.repealedOn, start), lte(t.repealedOn, end)),
    notRepealedBy: or(isNull(t.repealedOn), sql`${t.repealedOn} > ${end}`),
    docType: (type) => eq(t.docType, type),
    channel: (channel) => sql`${t.channels} @> ${JSON.stringify([channel])}::jsonb`,
  };
}

/** Over the kept counts: the same facts by year (a date is within the year exactly when its year is the year). */
function tallyFacts(year: number): CountedFacts {
  const t = catalogTallies;
  return {
    publishedIn: eq(t.publishedYear, year),
    publishedBy: lte(t.publishedYear, year),
    madeIn: eq(t.writtenYear, year),
    madeBy: lte(t.writtenYear, year),
    repealedIn: eq(t.repealedYear, year),
    notRepealedBy: or(isNull(t.repealedYear), sql`${t.repealedYear} > ${year}`),
    docType: (type) => eq(t.docType, type),
    channel: (channel) => sql`${t.channels} @> ${JSON.stringify([channel])}::jsonb`,
  };
}

/** The condition of an item-based cell over published items' facts, or null when the key is not one. */
function cellCondition(key: string, format: TemplateId, f: CountedFacts): SQL | null {
  if (format === 'old2008') {
    if (key === 'proactive.total') return f.publishedIn ?? null;
    if (key === 'proactive.normative_docs') return and(f.publishedIn, f.docType('normative')) ?? null;
    if (key === 'proactive.normative_docs_issued') return and(f.madeIn, f.docType('normative')) ?? null;
    if (key === 'response.interpretations') return and(f.publishedIn, f.docType('interpretation')) ?? null;
    const channel = CHANNEL_ROWS[key as keyof typeof CHANNEL_ROWS];
    if (channel) return and(f.publishedIn, f.channel(channel)) ?? null;
    return null;
  }
  const m = /^s20_1\.(rules|normative)\.(\w+)$/.exec(key);
  if (!m) return null;
  const type = f.docType(DOC_ROWS[m[1] as keyof typeof DOC_ROWS]);
  const cond: Record<string, SQL | undefined> =
    format === 'new2021'
      ? { made: f.madeIn, repealed: f.repealedIn, in_force: and(f.madeBy, f.notRepealedBy) }
      : { produced: f.madeIn, published: f.publishedIn, total: and(f.publishedBy, f.notRepealedBy) };
  const c = cond[m[2]];
  return c ? (and(type, c) ?? null) : null;
}

/** The SQL condition over `catalog_items` of an item-based cell, or null when the key is not one. */
export function itemCellCondition(key: string, year: number, format: TemplateId): SQL | null {
  const cond = cellCondition(key, format, itemFacts(year));
  return cond ? (and(eq(catalogItems.state, 'published'), cond) ?? null) : null;
}

/** Whether a key of section 二 has records behind it (items, or monthly figures) to drill to. */
export function isCatalogCell(key: string, format: TemplateId): boolean {
  return itemCellKeys(format).includes(key) || key in FIGURE_CELLS[format];
}

/** Every item-based key of a template. */
export function itemCellKeys(format: TemplateId): string[] {
  if (format === 'old2008') {
    return [
      'proactive.total',
      'proactive.normative_docs',
      'proactive.normative_docs_issued',
      ...Object.keys(CHANNEL_ROWS),
      'response.interpretations',
    ];
  }
  const cols = format === 'new2021' ? ['made', 'repealed', 'in_force'] : ['produced', 'published', 'total'];
  return ['rules', 'normative'].flatMap((row) => cols.map((c) => `s20_1.${row}.${c}`));
}

const agencyFilter = (ids: number[]) => inArray(catalogItems.agencyId, ids.length ? ids : [-1]);

async function figureCells(db: Executor, scope: Required<SectionScope>): Promise<Record<string, CellValue>> {
  const cells = FIGURE_CELLS[scope.format];
  if (Object.keys(cells).length === 0) return {};
  const f = catalogMonthlyFigures;
  // Per agency, key and year: 全年合计 (month 0) when entered, else the sum of its months; and the last month
  // entered (全年合计 counting as the year's end). Then Σ over agencies — in the database, a few rows per key
  // back instead of every month of every agency (issue #18: the rows sent and filtered here were most of the
  // report's time).
  const perAgency = db
    .select({
      key: f.key,
      year: f.year,
      whole:
        sql`case when bool_or(${f.month} = 0) then sum(${f.value}) filter (where ${f.month} = 0) else sum(${f.value}) end`.as(
          'whole',
        ),
      // The greatest [month, value] pair: an ordered array_agg would sort every row first.
      last: sql`(max(array[case when ${f.month} = 0 then 13 else ${f.month} end::numeric, ${f.value}]))[2]`.as('last'),
    })
    .from(f)
    .where(
      and(
        inArray(f.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]),
        inArray(f.year, [scope.year - 1, scope.year]),
        inArray(f.key, figureKeysOf(scope.format)),
      ),
    )
    .groupBy(f.key, f.year, f.agencyId)
    .as('per_agency');
  const rows = await db
    .select({
      key: perAgency.key,
      year: perAgency.year,
      sum: sql<string>`sum(${perAgency.whole})`,
      stock: sql<string>`sum(${perAgency.last})`,
    })
    .from(perAgency)
    .groupBy(perAgency.key, perAgency.year);
  const find = (key: string, year: number) => rows.find((r) => r.key === key && r.year === year);
  /** Σ over agencies of the year's figure; 0 when none entered. */
  const sum = (key: string) => Number(find(key, scope.year)?.sum ?? 0);
  /** Σ over agencies of the last month entered in `year`; null when none. */
  const stock = (key: string, year: number): number | null => {
    const row = find(key, year);
    return row ? Number(row.stock) : null;
  };
  const out: Record<string, CellValue> = {};
  for (const [cell, [key, how]] of Object.entries(cells)) {
    if (how === 'sum') out[cell] = Math.round(sum(key) * 10_000) / 10_000;
    else {
      const prev = stock(key, scope.year - 1);
      const now = stock(key, scope.year);
      out[cell] = how === 'prev' ? prev : prev === null || now === null ? null : now - prev;
    }
  }
  return out;
}

/**
 * Section 二 cells for the scope, keyed as the report contract. Register it with the reports module
 * (`registerSectionTwo(computeCatalogSection)`) so computed reports include it.
 *
 * @example
 * const values = await computeCatalogSection(db, { agencyIds: await subtreeIds(db, countyId), year: 2025 });
 */
export async function computeCatalogSection(db: Executor, scope: SectionScope): Promise<Record<string, CellValue>> {
  const format = scope.format ?? templateForYear(scope.year);
  const keys = itemCellKeys(format);
  // Summed from the counts kept beside the items (catalog_tallies, kept by a trigger in the same transaction as
  // every change): a few rows per agency and year instead of every item of the subtree. The monthly figures
  // are read at the same time (on the server, another connection of the pool).
  const facts = tallyFacts(scope.year);
  const selections = Object.fromEntries(
    keys.map((key, i) => [
      `c${i}`,
      sql<number>`coalesce(sum(${catalogTallies.n}) filter (where ${cellCondition(key, format, facts)}), 0)::int`,
    ]),
  );
  const [[row], figures] = await Promise.all([
    db
      .select(selections)
      .from(catalogTallies)
      .where(inArray(catalogTallies.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1])),
    figureCells(db, { ...scope, format }),
  ]);
  const values: Record<string, CellValue> = {};
  keys.forEach((key, i) => {
    values[key] = Number((row as Record<string, number>)[`c${i}`] ?? 0);
  });
  Object.assign(values, figures);
  return values;
}

export interface CellDrill {
  key: string;
  items?: {
    id: number;
    indexNo: string;
    title: string;
    docNo: string | null;
    writtenOn: string | null;
    publishedOn: string | null;
    repealedOn: string | null;
  }[];
  figures?: { agencyId: number; year: number; month: number; key: string; value: number }[];
}

/** The items (or monthly figures) behind one cell of section 二. */
export async function drillCatalogCell(db: Executor, scope: SectionScope & { key: string }): Promise<CellDrill> {
  const format = scope.format ?? templateForYear(scope.year);
  const cond = itemCellCondition(scope.key, scope.year, format);
  if (cond) {
    const items = await db
      .select({
        id: catalogItems.id,
        indexNo: catalogItems.indexNo,
        title: catalogItems.title,
        docNo: catalogItems.docNo,
        writtenOn: catalogItems.writtenOn,
        publishedOn: catalogItems.publishedOn,
        repealedOn: catalogItems.repealedOn,
      })
      .from(catalogItems)
      .where(and(agencyFilter(scope.agencyIds), cond))
      .orderBy(catalogItems.id);
    return { key: scope.key, items };
  }
  const fig = FIGURE_CELLS[format][scope.key];
  if (!fig) return { key: scope.key };
  const years = fig[1] === 'sum' ? [scope.year] : [scope.year - 1, scope.year];
  const figures = await db
    .select({
      agencyId: catalogMonthlyFigures.agencyId,
      year: catalogMonthlyFigures.year,
      month: catalogMonthlyFigures.month,
      key: catalogMonthlyFigures.key,
      value: catalogMonthlyFigures.value,
    })
    .from(catalogMonthlyFigures)
    .where(
      and(
        inArray(catalogMonthlyFigures.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]),
        inArray(catalogMonthlyFigures.year, years),
        eq(catalogMonthlyFigures.key, fig[0]),
      ),
    )
    .orderBy(catalogMonthlyFigures.year, catalogMonthlyFigures.month, catalogMonthlyFigures.agencyId);
  return { key: scope.key, figures: figures.map((f) => ({ ...f, value: Number(f.value) })) };
}
