/**
 * The agency tree: 人民政府 → 部门 / 乡镇街道 → 内设机构. Each row keeps its materialized `path`
 * ('/1/4/9/'), so a subtree is one prefix match on an index.
 */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type Agency, agencies } from '../db/schema/agencies.ts';
import { AppError } from '../errors.ts';

export async function getAgency(db: Executor, id: number): Promise<Agency> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!row) throw new AppError('not_found', `机关不存在：${id}`);
  return row;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The agencies in the subtree of `agencyId`, itself first, then by path. */
export async function subtree(db: Executor, agencyId: number): Promise<Agency[]> {
  const root = await getAgency(db, agencyId);
  return db
    .select()
    .from(agencies)
    .where(like(agencies.path, `${escapeLike(root.path)}%`))
    .orderBy(asc(agencies.path));
}

/**
 * The agency and every agency below it, itself first, in one read (subtree() reads the root first, then the
 * rest): what a consolidated report needs before anything else, so one round trip instead of two.
 */
export async function agencyAndSubtree(db: Executor, agencyId: number): Promise<Agency[]> {
  const root = db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  const rows = await db
    .select()
    .from(agencies)
    .where(sql`starts_with(${agencies.path}, (${root}))`)
    .orderBy(asc(agencies.path));
  if (rows[0]?.id !== agencyId) throw new AppError('not_found', `机关不存在：${agencyId}`);
  return rows;
}

/**
 * Ids of `agencyId` and every agency below it.
 *
 * @example
 * const ids = await subtreeIds(db, countyGovernmentId); // [1, 4, 9, …]
 */
export async function subtreeIds(db: Executor, agencyId: number): Promise<number[]> {
  return (await subtree(db, agencyId)).map((a) => a.id);
}

/** Whether `agencyId` lies in the subtree of `rootId` (itself included). */
export async function isInSubtree(db: Executor, rootId: number, agencyId: number): Promise<boolean> {
  const [root, node] = await Promise.all([getAgency(db, rootId), getAgency(db, agencyId)]);
  return node.path.startsWith(root.path);
}

/** The direct children of an agency, by name. */
export async function childAgencies(db: Executor, parentId: number): Promise<Agency[]> {
  return db
    .select()
    .from(agencies)
    .where(and(eq(agencies.parentId, parentId)))
    .orderBy(asc(agencies.name));
}

/** Ids on the path from the root down to the agency, from its path string. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);
