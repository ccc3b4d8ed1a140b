/**
 * The supervisor's view of a subtree: per unit, open, overdue and due-soon applications (the same query
 * as the unit's own inbox marks), 督办 notices awaiting reply, and further metrics registered by other
 * modules (the catalog's monthly volume and review backlog); a ranking whose formula is shown.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { subtree } from '../agencies/tree.ts';
import { overdueCounts } from '../cases/queries.ts';
import type { Executor } from '../db/client.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { supervisionNotices } from '../db/schema/supervision.ts';

export interface UnitMetric {
  key: string;
  label: string;
  /** Per agency id. */
  values: Map<number, number>;
  /** Points per unit of the metric in the ranking (negative: a penalty). */
  weight?: number;
}

export type MetricProvider = (db: Executor, scope: { agencyIds: number[]; today: string }) => Promise<UnitMetric[]>;
const providers: MetricProvider[] = [];
export function registerUnitMetrics(provider: MetricProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

export const RANKING_FORMULA =
  '得分 = 100 − 5 × 逾期未答复件数 − 1 × 临期件数 − 3 × 逾期未回复的督办事项 − 10 × [本月主动公开条数低于下限]';

/** Catalog volume this month and review backlog per unit. */
async function catalogMetrics(db: Executor, agencyIds: number[], today: string) {
  const monthStart = `${today.slice(0, 7)}-01`;
  const rows = await db
    .select({
      agencyId: catalogItems.agencyId,
      published: sql<number>`count(*) filter (where ${catalogItems.state} = 'published' and ${catalogItems.publishedOn} >= ${monthStart} and ${catalogItems.publishedOn} <= ${today})::int`,
      backlog: sql<number>`count(*) filter (where ${catalogItems.state} = 'in_review')::int`,
    })
    .from(catalogItems)
    .where(inArray(catalogItems.agencyId, agencyIds.length ? agencyIds : [-1]))
    .groupBy(catalogItems.agencyId);
  return new Map(rows.map((r) => [r.agencyId, r]));
}

/** `minMonthly`: the configurable lower limit of items a unit should publish in a month. */
export async function supervisionDashboard(db: Executor, rootAgencyId: number, today: string, minMonthly = 10) {
  const units = (await subtree(db, rootAgencyId)).filter((a) => a.id !== rootAgencyId);
  const ids = units.map((u) => u.id);
  const counts = new Map((await overdueCounts(db, ids, today)).map((r) => [r.agencyId, r]));
  const pending = await db
    .select({
      agencyId: supervisionNotices.toAgencyId,
      waiting: sql<number>`count(*)::int`,
      late: sql<number>`count(*) filter (where ${supervisionNotices.replyBy} < ${today})::int`,
    })
    .from(supervisionNotices)
    .where(and(inArray(supervisionNotices.toAgencyId, ids.length ? ids : [-1]), isNull(supervisionNotices.repliedAt)))
    .groupBy(supervisionNotices.toAgencyId);
  const notices = new Map(pending.map((p) => [p.agencyId, p]));
  const catalog = await catalogMetrics(db, ids, today);
  const extra: UnitMetric[] = [];
  for (const provide of providers) extra.push(...(await provide(db, { agencyIds: ids, today })));
  const rows = units.map((u) => {
    const c = counts.get(u.id);
    const n = notices.get(u.id);
    const overdue = c?.overdue ?? 0;
    const dueSoon = c?.dueSoon ?? 0;
    const lateNotices = n?.late ?? 0;
    const publishedThisMonth = catalog.get(u.id)?.published ?? 0;
    const belowLimit = publishedThisMonth < minMonthly;
    let score = 100 - 5 * overdue - 1 * dueSoon - 3 * lateNotices - (belowLimit ? 10 : 0);
    for (const m of extra) if (m.weight) score += m.weight * (m.values.get(u.id) ?? 0);
    return {
      agency: u,
      open: c?.open ?? 0,
      overdue,
      dueSoon,
      noticesWaiting: n?.waiting ?? 0,
      lateNotices,
      publishedThisMonth,
      belowLimit,
      reviewBacklog: catalog.get(u.id)?.backlog ?? 0,
      metrics: extra.map((m) => m.values.get(u.id) ?? 0),
      score,
    };
  });
  rows.sort((a, b) => b.score - a.score || a.agency.name.localeCompare(b.agency.name));
  return {
    rows,
    minMonthly,
    metrics: extra.map((m) => ({ key: m.key, label: m.label, weight: m.weight })),
    formula: RANKING_FORMULA,
  };
}

export async function noticesFor(db: Executor, agencyIds: number[]) {
  return db
    .select()
    .from(supervisionNotices)
    .where(inArray(supervisionNotices.toAgencyId, agencyIds.length ? agencyIds : [-1]))
    .orderBy(asc(supervisionNotices.replyBy));
}

export async function noticesSentBy(db: Executor, agencyId: number) {
  return db
    .select()
    .from(supervisionNotices)
    .where(eq(supervisionNotices.fromAgencyId, agencyId))
    .orderBy(asc(supervisionNotices.replyBy));
}
