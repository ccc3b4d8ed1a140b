/**
 * The 标准目录 view of a set of units for a year (issue #17): each unit's adopted items judged against the
 * catalog items tagged with them (completeness.ts), per unit and per area; and the count of missing items as a
 * metric of the supervision ranking.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { loadCalendar } from '../../calendar-store/index.ts';
import type { Executor } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { type AgencyStandardItem, agencyStandardItems } from '../../db/schema/standards.ts';
import type { MetricProvider } from '../../supervision/dashboard.ts';
import { areaName } from './areas.ts';
import { type ItemJudgement, judgeItems, type Tally, tally, tallyByArea } from './completeness.ts';

export interface UnitDirectory {
  agencyId: number;
  agencyName: string;
  judgements: ItemJudgement[];
  tally: Tally;
}

/** `agencyIds`: the units (a user's scope), or 'all' (an administrator's). */
export async function directoryView(
  db: Executor,
  agencyIds: 'all' | readonly number[],
  opts: { year: number; today: string },
): Promise<{ units: UnitDirectory[]; areas: Map<string, Tally>; total: Tally }> {
  const scope =
    agencyIds === 'all' ? (await db.select({ id: agencies.id }).from(agencies)).map((a) => a.id) : [...agencyIds];
  const ids = scope.length ? scope : [-1];
  const units = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, ids))
    .orderBy(agencies.path);
  const items = await db
    .select()
    .from(agencyStandardItems)
    .where(and(inArray(agencyStandardItems.agencyId, ids), isNull(agencyStandardItems.retiredAt)))
    .orderBy(agencyStandardItems.area, agencyStandardItems.templateId);
  const records = items.length
    ? await db
        .select({
          id: catalogItems.id,
          standardItemId: catalogItems.standardItemId,
          title: catalogItems.title,
          writtenOn: catalogItems.writtenOn,
          publishedOn: catalogItems.publishedOn,
          state: catalogItems.state,
        })
        .from(catalogItems)
        .where(and(inArray(catalogItems.agencyId, ids), isNotNull(catalogItems.standardItemId)))
    : [];
  const calendar = await loadCalendar(db);
  const judgements = judgeItems(
    items,
    records.map((r) => ({ ...r, standardItemId: r.standardItemId!, published: r.state === 'published' })),
    { ...opts, calendar },
  );
  const out = units
    .map((u) => {
      const own = judgements.filter((j) => j.item.agencyId === u.id);
      return { agencyId: u.id, agencyName: u.name, judgements: own, tally: tally(own) };
    })
    .filter((u) => u.judgements.length > 0);
  return { units: out, areas: tallyByArea(judgements), total: tally(judgements) };
}

/** The adopted items of a unit in force, for the catalog form's 事项 select. */
export function adoptedItemsOf(db: Executor, agencyId: number) {
  return db
    .select({
      id: agencyStandardItems.id,
      area: agencyStandardItems.area,
      level1: agencyStandardItems.level1,
      level2: agencyStandardItems.level2,
    })
    .from(agencyStandardItems)
    .where(and(eq(agencyStandardItems.agencyId, agencyId), isNull(agencyStandardItems.retiredAt)))
    .orderBy(agencyStandardItems.area, agencyStandardItems.templateId);
}

/** A unit's adopted items in force, whole rows (the page's edit forms). */
export function ownDirectory(db: Executor, agencyId: number): Promise<AgencyStandardItem[]> {
  return db
    .select()
    .from(agencyStandardItems)
    .where(and(eq(agencyStandardItems.agencyId, agencyId), isNull(agencyStandardItems.retiredAt)))
    .orderBy(agencyStandardItems.area, agencyStandardItems.templateId);
}

/** The catalog form's choices: [id, “领域：一级事项／二级事项”]. */
export async function standardItemChoices(db: Executor, agencyId: number): Promise<[number, string][]> {
  return (await adoptedItemsOf(db, agencyId)).map((i) => [i.id, `${areaName(i.area)}：${i.level1}／${i.level2}`]);
}

/** Points per 标准目录 item due and missing in the supervision ranking. */
export const MISSING_ITEM_WEIGHT = -2;

/** The ranking's metric: per unit, the adopted items due this year and not published. */
export const standardDirectoryMetrics: MetricProvider = async (db, scope) => {
  const { units } = await directoryView(db, scope.agencyIds, {
    year: Number(scope.today.slice(0, 4)),
    today: scope.today,
  });
  return [
    {
      key: 'standard_directory_missing',
      label: '标准目录逾期未公开事项',
      values: new Map(units.map((u) => [u.agencyId, u.tally.missing])),
      weight: MISSING_ITEM_WEIGHT,
    },
  ];
};
