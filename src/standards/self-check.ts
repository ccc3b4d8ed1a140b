/**
 * The 检查指标 self-check of each unit from the catalog it publishes on the platform (src/standards/
 * inspection.ts judges): the unit's columns are its directory's leaves (第二十条/第二十一条), each with its
 * newest 发布日期 up to the day of the check; 通知公告 and 动态 are columns made of the items of those 体裁,
 * judged when the unit publishes any (the platform does not know the columns of the unit's own website).
 */
import { and, eq, gte, inArray, isNotNull, like, lte, max, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { overdueCounts } from '../cases/queries.ts';
import type { DirectoryNode } from '../catalog/directory.ts';
import { directoryOf } from '../catalog/settings.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import {
  type Card,
  COLUMN_CLASSES,
  type ColumnState,
  cardOf,
  type InspectionFinding,
  inspectColumns,
} from './inspection.ts';

export interface UnitSelfCheck {
  agencyId: number;
  agencyName: string;
  columns: number;
  findings: InspectionFinding[];
  /** A 单项否决 item found: the unit fails the inspection. */
  veto: boolean;
  /** 红牌 / 黄牌 / 绿牌 and the rule that made it so (inspection.ts cardOf). */
  card: Card;
  why: string;
}

/** 政策解读 published on another day than the policy are looked for over this many days before the check. */
export const LATE_INTERPRETATION_WINDOW_DAYS = 365;

const daysBefore = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** Links of a published body to an item of this site's catalog. */
const CATALOG_LINK = /href="\/catalog\/(\d+)"/g;

/** Findings beyond the columns: overdue replies, late 解读, links to items not (or no longer) published. */
async function otherFindings(db: Executor, ids: number[], today: string): Promise<Map<number, InspectionFinding[]>> {
  const out = new Map<number, InspectionFinding[]>();
  const add = (agencyId: number, f: InspectionFinding) => out.set(agencyId, [...(out.get(agencyId) ?? []), f]);
  for (const r of await overdueCounts(db, ids, today)) {
    if (r.overdue > 0)
      add(r.agencyId, {
        indicator: 'overdue_reply',
        column: '依申请公开',
        message: `${r.overdue}件政府信息公开申请已超过答复期限（《条例》第三十三条）`,
        veto: false,
      });
  }
  const policy = alias(catalogItems, 'policy');
  const late = await db
    .select({
      agencyId: catalogItems.agencyId,
      title: catalogItems.title,
      on: catalogItems.publishedOn,
      policyOn: policy.publishedOn,
    })
    .from(catalogItems)
    .innerJoin(policy, eq(policy.id, catalogItems.interpretsId))
    .where(
      and(
        inArray(catalogItems.agencyId, ids),
        eq(catalogItems.state, 'published'),
        eq(catalogItems.docType, 'interpretation'),
        gte(catalogItems.publishedOn, daysBefore(today, LATE_INTERPRETATION_WINDOW_DAYS)),
        lte(catalogItems.publishedOn, today),
        ne(policy.publishedOn, catalogItems.publishedOn),
      ),
    );
  for (const r of late)
    add(r.agencyId, {
      indicator: 'late_interpretation',
      column: '政策解读',
      message: `解读“${r.title}”未与政策文件同步发布（文件${r.policyOn ?? '未发布'}，解读${r.on}）`,
      veto: false,
    });
  const linking = await db
    .select({ agencyId: catalogItems.agencyId, title: catalogItems.title, body: catalogItems.body })
    .from(catalogItems)
    .where(
      and(
        inArray(catalogItems.agencyId, ids),
        eq(catalogItems.state, 'published'),
        lte(catalogItems.publishedOn, today),
        like(catalogItems.body, '%href="/catalog/%'),
      ),
    );
  const targets = [...new Set(linking.flatMap((r) => [...r.body.matchAll(CATALOG_LINK)].map((m) => Number(m[1]))))];
  const live = new Set(
    targets.length
      ? (
          await db
            .select({ id: catalogItems.id })
            .from(catalogItems)
            .where(
              and(
                inArray(catalogItems.id, targets.filter(Number.isSafeInteger)),
                eq(catalogItems.state, 'published'),
                lte(catalogItems.publishedOn, today),
              ),
            )
        ).map((r) => r.id)
      : [],
  );
  for (const r of linking) {
    const dead = [...r.body.matchAll(CATALOG_LINK)].map((m) => Number(m[1])).filter((id) => !live.has(id));
    for (const id of new Set(dead))
      add(r.agencyId, {
        indicator: 'broken_link',
        column: '站内链接',
        message: `“${r.title}”中的链接 /catalog/${id} 指向未公开或已撤回的信息`,
        veto: false,
      });
  }
  return out;
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
  const others = await otherFindings(
    db,
    units.map((u) => u.id),
    today,
  );
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
    const findings = [...inspectColumns(columns, today), ...(others.get(unit.id) ?? [])];
    out.push({
      agencyId: unit.id,
      agencyName: unit.name,
      columns: columns.length,
      findings,
      veto: findings.some((f) => f.veto),
      ...cardOf(findings),
    });
  }
  return out;
}
