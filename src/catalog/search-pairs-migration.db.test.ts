/**
 * drizzle/0020_search_char_pairs.sql rewrites search_text stored before characters were kept in pairs. Run
 * again here on rows in both forms: the old ones come out as documentTokens writes them today, and the search
 * finds them by a name segmented differently; the new ones are left as they are.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { formatIndexNo } from './index-number.ts';
import { searchCatalog } from './search.ts';
import { documentTokens, hanRuns, wordTokens } from './search-tokens.ts';
import { makeCatalogWorld } from './testing.ts';

const MIGRATION = fileURLToPath(new URL('../../drizzle/0020_search_char_pairs.sql', import.meta.url));

/** search_text as it was stored before: the words, then every Han character alone, '|' after each run. */
const oldForm = (text: string) =>
  `${wordTokens(text).join(' ')} | ${hanRuns(text)
    .map((run) => `${run.join(' ')} |`)
    .join(' ')}`;

const TEXTS = [
  '任命欧阳明月同志为办公室主任。',
  '关于𠀀𠀁王小明\n同志 abc 任职𪚥的通知',
  'GDP report 2025',
  '一，二。三',
  '',
];

let t: TestDb;
const ids = new Map<string, { old: number; current: number }>();

beforeAll(async () => {
  t = await createTestDb();
  const { bureau } = await makeCatalogWorld(t.db);
  let n = 0;
  for (const text of TEXTS) {
    const row = (searchText: string) => ({
      indexNo: formatIndexNo(bureau.creditCode!, 2025, ++n),
      agencyId: bureau.id,
      title: text || '无题',
      publishedOn: '2025-06-01',
      category: '20.1',
      state: 'published' as const,
      searchText,
    });
    const [old] = await t.db
      .insert(catalogItems)
      .values(row(oldForm(text)))
      .returning({ id: catalogItems.id });
    const [current] = await t.db
      .insert(catalogItems)
      .values(row(documentTokens(text)))
      .returning({ id: catalogItems.id });
    ids.set(text, { old: old.id, current: current.id });
  }
  await t.db.execute(sql.raw(readFileSync(MIGRATION, 'utf8')));
}, 60_000);
afterAll(() => t.close());

const storedText = async (id: number) =>
  (await t.db.select({ s: catalogItems.searchText }).from(catalogItems).where(eq(catalogItems.id, id)))[0].s;

describe('the migration to characters in pairs', () => {
  it.each(TEXTS.map((text) => [JSON.stringify(text), text]))(
    '%s: the old form becomes the new one',
    async (_n, text) => {
      expect(await storedText(ids.get(text)!.old)).toBe(documentTokens(text));
    },
  );

  it.each(TEXTS.map((text) => [JSON.stringify(text), text]))('%s: the new form is left alone', async (_n, text) => {
    expect(await storedText(ids.get(text)!.current)).toBe(documentTokens(text));
  });

  it('finds a migrated item by its words, a lone character and characters across its words', async () => {
    const { old } = ids.get(TEXTS[0])!;
    for (const q of ['欧阳明月', '任', '明月同', '阳明']) {
      const { hits } = await searchCatalog(t.db, { q, today: '2025-12-31' });
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(old);
    }
  });
});
