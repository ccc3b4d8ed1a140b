/**
 * Section 二's counts kept as the catalog changes (issue #18): how many published items of an agency share the
 * facts the section counts by — 文件类型, the years made (成文), published and repealed (废止), the channels. A
 * statement-level trigger on `catalog_items` (migration `catalog_tallies`) adds and subtracts in the same
 * transaction as every insert, update and delete, so a report reads a few rows per agency and year instead of
 * every item; `src/catalog/tallies.ts` recounts them from the items.
 */
import { integer, jsonb, pgTable, smallint, text, unique } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

export const catalogTallies = pgTable(
  'catalog_tallies',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    docType: text('doc_type').notNull(),
    /** The years of 成文日期, 发布日期 and 废止日期; null when the item has no such date. */
    writtenYear: smallint('written_year'),
    publishedYear: smallint('published_year'),
    repealedYear: smallint('repealed_year'),
    channels: jsonb('channels').$type<string[]>().notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    unique('catalog_tallies_facts_key')
      .on(t.agencyId, t.docType, t.writtenYear, t.publishedYear, t.repealedYear, t.channels)
      // Its leading agency_id also serves the report's read of a subtree's rows.
      .nullsNotDistinct(),
  ],
);
