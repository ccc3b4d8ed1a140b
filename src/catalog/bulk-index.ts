/**
 * Catalog indexing in bulk (issue #18: 1,000,000 items took 25 minutes on the server, 651 items/s, half of it
 * segmentation). Two operations, each a batch at a time:
 *   - `insertItemsBulk`: new items written by one INSERT … SELECT FROM unnest(arrays) per batch (one statement,
 *     one parameter per column, whatever the batch size), their search texts computed by a SearchTextPool;
 *   - `reindexCatalog`: every item's search text computed again (after a change to the segmentation) in
 *     batches by id, written by one UPDATE … FROM unnest per batch.
 * The search text is itemSearchText's, as when one item is saved (src/catalog/change.ts reindexItem), so the
 * stored tsvector (generated from it) is the same.
 */
import { asc, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { catalogAttachments, catalogItems } from '../db/schema/catalog.ts';
import type { SearchTextPool } from './search-text-pool.ts';

/** A PostgreSQL array literal of `values` (NULL for null), for a `$n::type[]` parameter: driver-independent. */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const item = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  return `{${values.map(item).join(',')}}`;
}

/** The columns a bulk load sets; the rest take their defaults. */
export interface BulkItem {
  indexNo: string;
  agencyId: number;
  title: string;
  docNo?: string | null;
  writtenOn?: string | null;
  publishedOn?: string | null;
  docType?: string;
  category: string;
  body: string;
  state: string;
  validity?: string | null;
  /** Text of the attachments, in their order (as reindexItem reads them). */
  attachmentTexts?: string[];
}

const COLUMNS: [keyof BulkItem | 'searchText', string, string][] = [
  ['indexNo', 'index_no', 'text'],
  ['agencyId', 'agency_id', 'int4'],
  ['title', 'title', 'text'],
  ['docNo', 'doc_no', 'text'],
  ['writtenOn', 'written_on', 'date'],
  ['publishedOn', 'published_on', 'date'],
  ['docType', 'doc_type', 'text'],
  ['category', 'category', 'text'],
  ['body', 'body', 'text'],
  ['state', 'state', 'text'],
  ['validity', 'validity', 'text'],
  ['searchText', 'search_text', 'text'],
];

/** Writes `items` (one statement) with their search texts; returns how many were written. */
export async function insertItemsBulk(
  db: Executor,
  pool: Pick<SearchTextPool, 'texts'>,
  items: BulkItem[],
): Promise<number> {
  if (items.length === 0) return 0;
  const texts = await pool.texts(items);
  const value = (row: BulkItem, i: number, key: (typeof COLUMNS)[number][0]) =>
    key === 'searchText'
      ? texts[i]
      : key === 'docType'
        ? (row.docType ?? 'other')
        : ((row[key] ?? null) as string | number | null);
  const arrays = COLUMNS.map(
    ([key, , type]) => sql`${arrayLiteral(items.map((row, i) => value(row, i, key)))}::${sql.raw(type)}[]`,
  );
  await db.execute(
    sql`insert into ${catalogItems} (${sql.raw(COLUMNS.map(([, c]) => c).join(', '))}) select * from unnest(${sql.join(arrays, sql`, `)})`,
  );
  return items.length;
}

/**
 * Every item's search text computed again, `batch` items a statement, in id order; `where` narrows the items
 * (default: all). Returns how many items were written.
 */
export async function reindexCatalog(
  db: Executor,
  pool: SearchTextPool,
  opts: { batch?: number; where?: SQL; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const batch = opts.batch ?? 2000;
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await db
      .select({ id: catalogItems.id, title: catalogItems.title, docNo: catalogItems.docNo, body: catalogItems.body })
      .from(catalogItems)
      .where(opts.where ? sql`${gt(catalogItems.id, after)} and ${opts.where}` : gt(catalogItems.id, after))
      .orderBy(asc(catalogItems.id))
      .limit(batch);
    if (rows.length === 0) return done;
    const ids = rows.map((r) => r.id);
    const files = await db
      .select({ itemId: catalogAttachments.itemId, text: catalogAttachments.text })
      .from(catalogAttachments)
      .where(inArray(catalogAttachments.itemId, ids))
      .orderBy(asc(catalogAttachments.id));
    const byItem = new Map<number, string[]>();
    for (const f of files) byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), f.text ?? '']);
    const texts = await pool.texts(rows.map((r) => ({ ...r, attachmentTexts: byItem.get(r.id) ?? [] })));
    await db.execute(sql`
      update ${catalogItems} set search_text = u.t
      from unnest(${arrayLiteral(ids)}::int4[], ${arrayLiteral(texts)}::text[]) as u(id, t)
      where ${catalogItems.id} = u.id and ${catalogItems.searchText} is distinct from u.t`);
    done += rows.length;
    after = ids[ids.length - 1];
    opts.onBatch?.(done);
  }
}
