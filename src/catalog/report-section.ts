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

/** The SQL condition of an item-based cell, or null when the key is not one. */
export function itemCellCondition(key: string, year: number, format: TemplateId): SQL | null {
  const { start, end } = bounds(year);
  const published = eq(catalogItems.state, 'published');
  const publishedIn = and(published, gte(catalogItems.publishedOn, start), lte(catalogItems.publishedOn, end));
  const madeIn = and(published, gte(catalogItems.writtenOn, start), lte(catalogItems.writtenOn, end));
  if (format === 'old2008') {
    if (key === 'proactive.total') return publishedIn ?? null;
    if (key === 'proactive.normative_docs') return and(publishedIn, eq(catalogItems.docType, 'normative')) ?? null;
    if (key === 'proactive.normative_docs_issued') return and(madeIn, eq(catalogItems.docType, 'normative')) ?? null;
    if (key === 'response.interpretations') return and(publishedIn, eq(catalogItems.docType, 'interpretation')) ?? null;
    const channel = CHANNEL_ROWS[key as keyof typeof CHANNEL_ROWS];
    if (channel) return and(publishedIn, sql`${catalogItems.channels} @> ${JSON.stringify([channel])}::jsonb`) ?? null;
    return null;
  }
  const m = /^s20_1\.(rules|normative)\.(\w+)$/.exec(key);
  if (!m) return null;
  const type = eq(catalogItems.docType, DOC_ROWS[m[1] as keyof typeof DOC_ROWS]);
  const notRepealedBy = or(isNull(catalogItems.repealedOn), sql`${catalogItems.repealedOn} > ${end}`);
  const cond: Record<string, SQL | undefined> =
    format === 'new2021'
      ? {
          made: madeIn,
          repealed: and(published, gte(catalogItems.repealedOn, start), lte(catalogItems.repealedOn, end)),
          in_force: and(published, lte(catalogItems.writtenOn, end), notRepealedBy),
        }
      : {
          produced: madeIn,
          published: publishedIn,
          total: and(published, lte(catalogItems.publishedOn, end), notRepealedBy),
        };
  const c = cond[m[2]];
  return c ? (and(type, c) ?? null) : null;
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
  const rows = await db
    .select()
    .from(catalogMonthlyFigures)
    .where(
      and(
        inArray(catalogMonthlyFigures.agencyId, scope.agencyIds.length ? scope.agencyIds : [-1]),
        inArray(catalogMonthlyFigures.year, [scope.year - 1, scope.year]),
      ),
    );
  /** Σ over agencies: an agency's 全年合计 (month 0) when entered, else the sum of its months. */
  const sum = (key: string) => {
    const wholeYear = new Set(
      rows.filter((r) => r.key === key && r.year === scope.year && r.month === 0).map((r) => r.agencyId),
    );
    return rows
      .filter((r) => r.key === key && r.year === scope.year && (r.month === 0 || !wholeYear.has(r.agencyId)))
      .reduce((s, r) => s + Number(r.value), 0);
  };
  /** Σ over agencies of the last month entered in `year` (全年合计 counting as the year's end); null when none. */
  const stock = (key: string, year: number): number | null => {
    const last = new Map<number, { month: number; value: number }>();
    for (const r of rows) {
      if (r.key !== key || r.year !== year) continue;
      const month = r.month === 0 ? 13 : r.month;
      const seen = last.get(r.agencyId);
      if (!seen || month > seen.month) last.set(r.agencyId, { month, value: Number(r.value) });
    }
    return last.size ? [...last.values()].reduce((s, v) => s + v.value, 0) : null;
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
  const selections = Object.fromEntries(
    keys.map((key, i) => [
      `c${i}`,
      sql<number>`(count(*) filter (where ${itemCellCondition(key, scope.year, format)}))::int`,
    ]),
  );
  const [row] = await db.select(selections).from(catalogItems).where(agencyFilter(scope.agencyIds));
  const values: Record<string, CellValue> = {};
  keys.forEach((key, i) => {
    values[key] = Number((row as Record<string, number>)[`c${i}`] ?? 0);
  });
  Object.assign(values, await figureCells(db, { ...scope, format }));
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
