/**
 * The check of section 二's counts kept beside the catalog (issue #18): `catalog_tallies` is written by a trigger
 * in the same transaction as each change of `catalog_items`; recounting the published items must give the same
 * figures. A difference (a tally edited by hand, a restore of one table without the other) is listed, and
 * `rebuildCatalogTallies` recounts. The check itself is the cases' too (src/db/kept-counts.ts).
 */
import type { Db, Executor } from '../db/client.ts';
import { type KeptCounts, rebuildKept, recountKept } from '../db/kept-counts.ts';

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

const CATALOG_COUNTS: KeptCounts = {
  source: 'catalog_items',
  where: "state = 'published'",
  tallies: 'catalog_tallies',
  facts: [
    { name: 'agencyId', column: 'agency_id', counted: 'agency_id' },
    { name: 'docType', column: 'doc_type', counted: 'doc_type' },
    { name: 'writtenYear', column: 'written_year', counted: 'extract(year from written_on)::int', nullable: true },
    {
      name: 'publishedYear',
      column: 'published_year',
      counted: 'extract(year from published_on)::int',
      nullable: true,
    },
    { name: 'repealedYear', column: 'repealed_year', counted: 'extract(year from repealed_on)::int', nullable: true },
    { name: 'channels', column: 'channels', counted: 'channels' },
  ],
};

/** Every set of facts whose kept count differs from the count of the published items; empty when they agree. */
export function recountCatalogTallies(db: Executor): Promise<CatalogTallyDifference[]> {
  return recountKept<CatalogTallyDifference>(db, CATALOG_COUNTS);
}

/** Recounts every tally from the items (the items locked meanwhile, so no change slips between). */
export function rebuildCatalogTallies(db: Db): Promise<void> {
  return rebuildKept(db, CATALOG_COUNTS);
}
