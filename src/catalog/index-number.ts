/**
 * 索引号: `<统一社会信用代码>/<year>-<sequence>` (e.g. 11510000MB0000000X/2025-00042). The sequence comes from
 * a per-agency-per-year counter row, incremented by an upsert in the creating transaction: the row lock
 * orders concurrent creations; a number is taken only when its item commits (a rolled-back creation rolls the
 * counter back with it), items are never deleted, and a unique index guards the rest — so no number is ever
 * given to two items. Agencies without a code (内设机构) number under their nearest ancestor's.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { pathIds } from '../agencies/tree.ts';
import type { Executor, Tx } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogIndexCounters } from '../db/schema/catalog.ts';
import { AppError } from '../errors.ts';

/** Formats an 索引号. */
export function formatIndexNo(creditCode: string, year: number, sequence: number): string {
  return `${creditCode}/${year}-${String(sequence).padStart(5, '0')}`;
}

const INDEX_NO = /^([0-9A-HJ-NPQRTUWXY]{18})\/(\d{4})-(\d{5,})$/;

/** The parts of an 索引号, or null when it is not one. */
export function parseIndexNo(indexNo: string): { creditCode: string; year: number; sequence: number } | null {
  const m = INDEX_NO.exec(indexNo);
  return m ? { creditCode: m[1], year: Number(m[2]), sequence: Number(m[3]) } : null;
}

/** The agency whose 统一社会信用代码 numbers items of `agencyId`: itself or its nearest ancestor with one. */
export async function numberingAgency(db: Executor, agencyId: number): Promise<{ id: number; creditCode: string }> {
  const [self] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  if (!self) throw new AppError('not_found', `机关不存在：${agencyId}`);
  const ids = pathIds(self.path).reverse();
  const rows = await db
    .select({ id: agencies.id, creditCode: agencies.creditCode })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (row?.creditCode) return { id, creditCode: row.creditCode };
  }
  throw new AppError('bad_input', '发布机构及其上级机关均未登记统一社会信用代码，无法生成索引号');
}

/** Takes the next 索引号 of `agencyId` for `year`, inside the caller's transaction. */
export async function nextIndexNo(tx: Tx, agencyId: number, year: number): Promise<string> {
  const owner = await numberingAgency(tx, agencyId);
  const [row] = await tx
    .insert(catalogIndexCounters)
    .values({ agencyId: owner.id, year, last: 1 })
    .onConflictDoUpdate({
      target: [catalogIndexCounters.agencyId, catalogIndexCounters.year],
      set: { last: sql`${catalogIndexCounters.last} + 1` },
    })
    .returning({ last: catalogIndexCounters.last });
  return formatIndexNo(owner.creditCode, year, row.last);
}

/** Reserves `count` consecutive numbers at once (bulk import, demo data); returns the first sequence. */
export async function reserveIndexNos(
  tx: Tx,
  agencyId: number,
  year: number,
  count: number,
): Promise<{ creditCode: string; first: number }> {
  const owner = await numberingAgency(tx, agencyId);
  const [row] = await tx
    .insert(catalogIndexCounters)
    .values({ agencyId: owner.id, year, last: count })
    .onConflictDoUpdate({
      target: [catalogIndexCounters.agencyId, catalogIndexCounters.year],
      set: { last: sql`${catalogIndexCounters.last} + ${count}` },
    })
    .returning({ last: catalogIndexCounters.last });
  return { creditCode: owner.creditCode, first: row.last - count + 1 };
}
