/**
 * The check of section 二's counts kept beside the catalog (issue #18): `catalog_tallies` is written by a trigger
 * in the same transaction as each change of `catalog_items`; recounting the published items must give the same
 * figures. A difference (a tally edited by hand, a restore of one table without the other) is listed, and
 * `rebuildCatalogTallies` recounts. The same as the cases' (src/cases/tallies.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';

export interface CatalogTallyDifference {
  agencyId: number;
  docType: string;
  writtenYear: number | null;
  publishedYear: number | null;
  repealedYear: number | null;
  channels: string[];
  /** The count kept. */
  kept: number;
  /** The count of the published items. */
  counted: number;
}

const COUNTED = sql.raw(`select agency_id, doc_type, extract(year from written_on)::int as written_year,
  extract(year from published_on)::int as published_year, extract(year from repealed_on)::int as repealed_year,
  channels, count(*)::int as n
  from catalog_items where state = 'published' group by 1, 2, 3, 4, 5, 6`);

/** Every set of facts whose kept count differs from the count of the published items; empty when they agree. */
export async function recountCatalogTallies(db: Executor): Promise<CatalogTallyDifference[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with counted as (${COUNTED}),
         kept as (select agency_id, doc_type, written_year::int as written_year, published_year::int as published_year,
                         repealed_year::int as repealed_year, channels, n from catalog_tallies where n <> 0)
    select coalesce(c.agency_id, k.agency_id) as "agencyId",
           coalesce(c.doc_type, k.doc_type) as "docType",
           coalesce(c.written_year, k.written_year) as "writtenYear",
           coalesce(c.published_year, k.published_year) as "publishedYear",
           coalesce(c.repealed_year, k.repealed_year) as "repealedYear",
           coalesce(c.channels, k.channels) as "channels",
           coalesce(k.n, 0) as "kept", coalesce(c.n, 0) as "counted"
      from counted c
      full join kept k
        on c.agency_id = k.agency_id and c.doc_type = k.doc_type
       and c.written_year is not distinct from k.written_year
       and c.published_year is not distinct from k.published_year
       and c.repealed_year is not distinct from k.repealed_year and c.channels = k.channels
     where coalesce(k.n, 0) <> coalesce(c.n, 0)
     order by 1, 2, 3, 4, 5`);
  return result.rows as unknown as CatalogTallyDifference[];
}

/** Recounts every tally from the items (the items locked meanwhile, so no change slips between). */
export async function rebuildCatalogTallies(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table catalog_items in share mode`);
    await tx.execute(sql`delete from catalog_tallies`);
    await tx.execute(sql`
    insert into catalog_tallies (agency_id, doc_type, written_year, published_year, repealed_year, channels, n)
    ${COUNTED}`);
  });
}
