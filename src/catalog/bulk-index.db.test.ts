import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogAttachments, catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { arrayLiteral, type BulkItem, insertItemsBulk, reindexCatalog } from './bulk-index.ts';
import { reindexItem } from './change.ts';
import { formatIndexNo } from './index-number.ts';
import { itemSearchText } from './item-fields.ts';
import { searchCatalog } from './search.ts';
import { SearchTextPool } from './search-text-pool.ts';
import { makeCatalogWorld, testCreditCode } from './testing.ts';

let t: TestDb;
// Two threads, and batches large enough that the pool posts them to its workers.
const pool = new SearchTextPool(2);

/** Text that tests the array literal: quotes, backslashes, commas, braces, NULL as a word, empty. */
const awkward = ['"引号"', 'a\\b', '{逗号,花括号}', 'NULL', '', '换\n行'];

function items(creditCode: string, agencyId: number, n: number, from = 0): BulkItem[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      indexNo: formatIndexNo(creditCode, 2025, i + 1),
      agencyId,
      title: `关于王建国同志${i % 2 ? '任职' : '防汛'}的通知${awkward[i % awkward.length]}`,
      docNo: i % 3 ? `某教〔2025〕${i}号` : null,
      writtenOn: '2025-03-01',
      publishedOn: i % 5 ? '2025-03-02' : null,
      category: '20.1',
      body: `<p>各乡镇：${awkward[(i + 1) % awkward.length]}做好<b>春耕</b>工作。</p><p>联系人：李${i}。</p>`,
      state: 'published',
    };
  });
}

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await pool.close();
  await t?.close();
});

describe('arrayLiteral', () => {
  it('quotes text, escapes quotes and backslashes, and writes NULL for null', () => {
    expect(arrayLiteral(['a"b', 'c\\d', null, 3])).toBe('{"a\\"b","c\\\\d",NULL,3}');
  });
});

describe('bulk indexing', () => {
  it('stores what one-by-one saving stores: the same fields, search text and tsvector', async () => {
    const { bureau } = await makeCatalogWorld(t.db);
    const rows = items(bureau.creditCode!, bureau.id, 300);
    expect(await insertItemsBulk(t.db, pool, rows)).toBe(300);
    const stored = await t.db
      .select({
        indexNo: catalogItems.indexNo,
        title: catalogItems.title,
        docNo: catalogItems.docNo,
        body: catalogItems.body,
        publishedOn: catalogItems.publishedOn,
        searchText: catalogItems.searchText,
        vector: sql<string>`${catalogItems.searchVector}::text`,
        oneByOne: sql<string>`to_tsvector('simple', ${catalogItems.searchText})::text`,
      })
      .from(catalogItems)
      .where(eq(catalogItems.agencyId, bureau.id))
      .orderBy(asc(catalogItems.indexNo));
    expect(stored).toHaveLength(300);
    for (const [i, row] of stored.entries()) {
      const want = rows[i];
      expect({ title: row.title, docNo: row.docNo, body: row.body, publishedOn: row.publishedOn }).toEqual({
        title: want.title,
        docNo: want.docNo,
        body: want.body,
        publishedOn: want.publishedOn,
      });
      expect(row.searchText).toBe(itemSearchText({ ...want, docNo: want.docNo ?? null }));
      expect(row.vector).toBe(row.oneByOne);
    }
    const found = await searchCatalog(t.db, { q: '王建国 任职', agencyIds: [bureau.id], countTotal: true });
    expect(found.total).toBe(stored.filter((r) => r.title.includes('任职')).length);
  });

  it('reindexes every item as reindexItem does, attachments included', async () => {
    const { office } = await makeCatalogWorld(t.db);
    await insertItemsBulk(t.db, pool, items(testCreditCode(), office.id, 200, 1000));
    const ids = (
      await t.db
        .select({ id: catalogItems.id })
        .from(catalogItems)
        .where(eq(catalogItems.agencyId, office.id))
        .orderBy(asc(catalogItems.id))
    ).map((r) => r.id);
    for (const [k, name] of ['甲.txt', '乙.txt'].entries()) {
      await t.db.insert(catalogAttachments).values({
        itemId: ids[7],
        filename: name,
        mediaType: 'text/plain',
        size: 1,
        sha256: String(k).repeat(64),
        content: Buffer.from('x'),
        text: `附件${k}：征地补偿公示`,
      } as typeof catalogAttachments.$inferInsert);
    }
    // Stale texts, as after a change of the segmentation.
    await t.db.update(catalogItems).set({ searchText: '' }).where(eq(catalogItems.agencyId, office.id));
    const where = eq(catalogItems.agencyId, office.id);
    expect(await reindexCatalog(t.db, pool, { batch: 150, where })).toBe(200);
    const bulk = await t.db
      .select({ id: catalogItems.id, text: catalogItems.searchText })
      .from(catalogItems)
      .where(where)
      .orderBy(asc(catalogItems.id));
    expect(bulk[7].text).toContain('补偿 公示');
    await t.db.transaction(async (tx) => {
      for (const id of ids) await reindexItem(tx, id);
    });
    const single = await t.db
      .select({ id: catalogItems.id, text: catalogItems.searchText })
      .from(catalogItems)
      .where(where)
      .orderBy(asc(catalogItems.id));
    expect(bulk).toEqual(single);
  });
});
