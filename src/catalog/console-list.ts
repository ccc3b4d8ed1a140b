/**
 * The console's list of catalog items: the user's agencies, newest change first, searched by 标题, 索引号 or 文号,
 * filtered by state, paged with a real total.
 */
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';

export const CONSOLE_PAGE_SIZE = 50;

export interface ConsoleListQuery {
  /** undefined: every agency (an administrator). */
  agencyIds?: number[];
  states?: string[];
  q?: string;
  page?: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function consoleCatalogList(db: Executor, query: ConsoleListQuery) {
  const q = query.q?.trim();
  const where: (SQL | undefined)[] = [
    query.agencyIds ? inArray(catalogItems.agencyId, query.agencyIds.length ? query.agencyIds : [-1]) : undefined,
    query.states?.length ? inArray(catalogItems.state, query.states) : undefined,
    q
      ? or(
          ilike(catalogItems.title, `%${escapeLike(q)}%`),
          ilike(catalogItems.indexNo, `%${escapeLike(q)}%`),
          ilike(catalogItems.docNo, `%${escapeLike(q)}%`),
        )
      : undefined,
  ];
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const [{ total }] = await db
    .select({ total: count() })
    .from(catalogItems)
    .where(and(...where));
  const rows = await db
    .select({
      id: catalogItems.id,
      title: catalogItems.title,
      state: catalogItems.state,
      indexNo: catalogItems.indexNo,
      writtenOn: catalogItems.writtenOn,
      updatedAt: catalogItems.updatedAt,
      agency: agencies.name,
      reviewStep: catalogItems.reviewStep,
      reviewChain: catalogItems.reviewChain,
    })
    .from(catalogItems)
    .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
    .where(and(...where))
    .orderBy(desc(catalogItems.updatedAt), desc(catalogItems.id))
    .limit(CONSOLE_PAGE_SIZE)
    .offset((page - 1) * CONSOLE_PAGE_SIZE);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE)) };
}
