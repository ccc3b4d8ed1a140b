/**
 * The 检查指标 self-check of each unit from the catalog it publishes on the platform (src/standards/
 * inspection.ts judges): the unit's columns are its directory's leaves (第二十条/第二十一条), each with its
 * newest 发布日期 up to the day of the check; 通知公告 and 动态 are columns made of the items of those 体裁,
 * judged when the unit publishes any (the platform does not know the columns of the unit's own website).
 */
import { and, eq, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { DirectoryNode } from '../catalog/directory.ts';
import { directoryOf } from '../catalog/settings.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { COLUMN_CLASSES, type ColumnState, type InspectionFinding, inspectColumns } from './inspection.ts';

export interface UnitSelfCheck {
  agencyId: number;
  agencyName: string;
  columns: number;
  findings: InspectionFinding[];
  /** A 单项否决 item found: the unit fails the inspection. */
  veto: boolean;
}

/** The directory's leaves: the columns items are published in. */
function leavesOf(tree: DirectoryNode[]): DirectoryNode[] {
  return tree.flatMap((n) => (n.children?.length ? leavesOf(n.children) : [n]));
}

export async function selfCheck(db: Executor, agencyIds: readonly number[], today: string): Promise<UnitSelfCheck[]> {
  if (agencyIds.length === 0) return [];
  const units = await db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...agencyIds]))
    .orderBy(agencies.path);
  const published = and(
    eq(catalogItems.state, 'published'),
    isNotNull(catalogItems.publishedOn),
    lte(catalogItems.publishedOn, today),
  );
  const byCategory = await db
    .select({ agencyId: catalogItems.agencyId, category: catalogItems.category, last: max(catalogItems.publishedOn) })
    .from(catalogItems)
    .where(and(published, inArray(catalogItems.agencyId, [...agencyIds])))
    .groupBy(catalogItems.agencyId, catalogItems.category);
  // Constants of this file written into the SQL (not parameters), so the select and GROUP BY are one expression.
  const list = (words: readonly string[]) => sql.raw(words.map((w) => `'${w.replaceAll("'", "''")}'`).join(', '));
  const genreClass = sql<string>`case when ${catalogItems.genre} in (${list(COLUMN_CLASSES.noticeGenres)}) then 'notice' when ${catalogItems.genre} in (${list(COLUMN_CLASSES.dynamicGenres)}) then 'dynamic' end`;
  const byGenre = await db
    .select({ agencyId: catalogItems.agencyId, cls: genreClass, last: max(catalogItems.publishedOn) })
    .from(catalogItems)
    .where(and(published, inArray(catalogItems.agencyId, [...agencyIds])))
    .groupBy(catalogItems.agencyId, genreClass);
  const out: UnitSelfCheck[] = [];
  for (const unit of units) {
    const leaves = leavesOf(await directoryOf(db, unit.id, unit.kind));
    const last = new Map(byCategory.filter((r) => r.agencyId === unit.id).map((r) => [r.category, r.last]));
    const columns: ColumnState[] = leaves.map(({ code, name }) => ({
      code,
      name,
      cls: (COLUMN_CLASSES.policyCategories as readonly string[]).includes(code) ? 'policy' : 'other',
      lastPublishedOn: last.get(code) ?? null,
    }));
    for (const r of byGenre.filter((g) => g.agencyId === unit.id && g.cls)) {
      const cls = r.cls as 'notice' | 'dynamic';
      columns.push({ code: cls, name: cls === 'notice' ? '通知公告' : '工作动态', cls, lastPublishedOn: r.last });
    }
    const findings = inspectColumns(columns, today);
    out.push({
      agencyId: unit.id,
      agencyName: unit.name,
      columns: columns.length,
      findings,
      veto: findings.some((f) => f.veto),
    });
  }
  return out;
}
