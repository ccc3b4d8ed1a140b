import { and, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { versionedValues } from '../web/versioned.ts';
import { withdrawItem } from './actions/withdraw-item.ts';
import { formatIndexNo } from './index-number.ts';
import { itemSearchText } from './item-fields.ts';
import {
  type Candidates,
  type KeepCandidates,
  publishedItems,
  type SearchInput,
  type SearchLimits,
  searchCatalog,
} from './search.ts';
import { makeCatalogWorld } from './testing.ts';

let t: TestDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;
/** Small bounds so that 40 items have a walk window, candidates and older matches. */
const small: SearchLimits = { walk: 10, candidates: 5 };
const today = '2025-12-31';

function day(i: number): string {
  return new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestDb();
  world = await makeCatalogWorld(t.db);
  const { bureau } = world;
  const rows: (typeof catalogItems.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    // Every item is a 通知; one in three is about 防汛, some twice (a higher rank); two share each date.
    const title =
      i === 0
        ? '关于王建国同志任职的通知'
        : i % 3 === 0
          ? `关于做好${i % 2 ? '防汛' : '防汛防汛'}工作的通知`
          : '关于春耕的通知';
    rows.push({
      indexNo: formatIndexNo(bureau.creditCode!, 2025, i + 1),
      agencyId: bureau.id,
      title,
      publishedOn: day(Math.floor(i / 2)),
      category: '20.1',
      state: 'published',
      searchText: itemSearchText({ title, docNo: null, body: '' }),
    });
  }
  for (let i = 0; i < 3; i++) {
    const title = `防汛工作的通知（草稿${i}）`;
    rows.push({
      indexNo: formatIndexNo(bureau.creditCode!, 2025, 100 + i),
      agencyId: bureau.id,
      title,
      category: '20.1',
      state: 'draft',
      searchText: itemSearchText({ title, docNo: null, body: '' }),
    });
  }
  await t.db.insert(catalogItems).values(rows);
}, 60_000);
afterAll(() => t.close());

/** Every page of a search, in order. */
async function allPages(db: Db, input: SearchInput, limits: SearchLimits, pageSize: number) {
  const out: { id: number; publishedOn: string | null; rank: number }[] = [];
  for (let page = 0; page < 50; page++) {
    const r = await searchCatalog(db, { ...input, today, limit: pageSize, offset: page * pageSize }, limits);
    out.push(...r.hits.map((h) => ({ id: h.id, publishedOn: h.publishedOn, rank: h.rank })));
    if (!r.totalCapped) break;
  }
  return out;
}

async function matchIds(word: string, states = ['published']): Promise<number[]> {
  const rows = await t.db
    .select({ id: catalogItems.id })
    .from(catalogItems)
    .where(and(inArray(catalogItems.state, states), sql`${catalogItems.title} like ${`%${word}%`}`));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('the order of search results', () => {
  it.each([
    ['a common word, pages of 4', '通知', 4],
    ['a common word, pages of 7', '通知', 7],
    ['a word in one item of three', '防汛', 3],
  ])('%s: the pages together hold every match exactly once', async (_name, word, size) => {
    const hits = await allPages(t.db, { q: word }, small, size);
    const ids = hits.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(await matchIds(word));
  });

  it('ranks the newest matches by relevance, then lists the older ones newest first', async () => {
    const hits = await allPages(t.db, { q: '防汛' }, small, 4);
    // The candidates: the matches among the 10 newest items, at most 5, in walk order.
    const newest = await t.db
      .select({ id: catalogItems.id, title: catalogItems.title })
      .from(catalogItems)
      .where(inArray(catalogItems.state, ['published']))
      .orderBy(sql`${catalogItems.publishedOn} desc, ${catalogItems.id} desc`)
      .limit(small.walk);
    const expected = newest.filter((r) => r.title.includes('防汛')).slice(0, small.candidates);
    expect(expected.length).toBeGreaterThan(1);
    const candidates = hits.slice(0, expected.length);
    expect(new Set(candidates.map((c) => c.id))).toEqual(new Set(expected.map((e) => e.id)));
    for (let i = 1; i < candidates.length; i++)
      expect(candidates[i - 1].rank).toBeGreaterThanOrEqual(candidates[i].rank);
    // A title that says 防汛 twice outranks one that says it once, though both are recent.
    const titles = new Map(newest.map((r) => [r.id, r.title]));
    expect(titles.get(candidates[0].id)).toContain('防汛防汛');
    expect(candidates.some((c) => !titles.get(c.id)?.includes('防汛防汛'))).toBe(true);
    const rest = hits.slice(expected.length);
    expect(rest.length).toBeGreaterThan(3);
    for (let i = 1; i < rest.length; i++) {
      const [x, y] = [rest[i - 1], rest[i]];
      expect((x.publishedOn ?? '') > (y.publishedOn ?? '') || (x.publishedOn === y.publishedOn && x.id > y.id)).toBe(
        true,
      );
    }
  });

  it('finds a rare word in an item older than the walk', async () => {
    const r = await searchCatalog(t.db, { q: '王建国', today }, small);
    expect(r.hits.map((h) => h.title)).toEqual(['关于王建国同志任职的通知']);
  });

  it('pages through items without a 发布日期 (drafts, in a console search) and the dated ones', async () => {
    const hits = await allPages(t.db, { q: '防汛', states: ['draft', 'published'] }, small, 4);
    const ids = hits.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(await matchIds('防汛', ['draft', 'published']));
  });

  it('with the default bounds a small catalog is ranked whole', async () => {
    const r = await searchCatalog(t.db, { q: '防汛', today, limit: 100 });
    expect(r.hits.length).toBe((await matchIds('防汛')).length);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1].rank).toBeGreaterThanOrEqual(r.hits[i].rank);
  });
});

describe('the total of a search', () => {
  it.each([
    ['counted, the catalog larger than the window', small],
    ['known from the candidates, the window holding every item', { walk: 100, candidates: 50 }],
  ])('%s: every match, exactly', async (_name, limits) => {
    for (const word of ['防汛', '通知', '春耕', '王建国']) {
      const r = await searchCatalog(t.db, { q: word, today, limit: 2, countTotal: true }, limits);
      const all = await matchIds(word);
      expect(r.total).toBe(all.length);
      expect(r.totalCapped).toBe(false);
    }
  });
});

describe('a catalog no larger than the window', () => {
  // The walk window holds all 40 published items: the candidates are found from the matches alone. The same
  // filter spelled with 'published' twice is not known to hold published items only, so it walks as a larger
  // catalog does: both ways must give the same pages, ranks and totals.
  const whole: SearchLimits = { walk: 100, candidates: 5 };
  const walked = { states: ['published', 'published'] };

  it.each([
    ['a common word', '通知', 4],
    ['a word in one item of three', '防汛', 3],
    ['a rare word', '王建国', 2],
  ])('%s: the same pages as the walk, beyond the candidates too', async (_name, word, size) => {
    const found = await allPages(t.db, { q: word }, whole, size);
    expect(found.length).toBe((await matchIds(word)).length);
    expect(found).toEqual(await allPages(t.db, { q: word, ...walked }, whole, size));
  });

  it('counts every match for the total', async () => {
    for (const word of ['防汛', '通知', '春耕', '王建国', '没有这个词']) {
      const input = { q: word, today, limit: 2, countTotal: true };
      const r = await searchCatalog(t.db, input, whole);
      expect({ total: r.total, capped: r.totalCapped }).toEqual({
        total: (await matchIds(word)).length,
        capped: false,
      });
      const viaWalk = await searchCatalog(t.db, { ...input, ...walked }, whole);
      expect(r.hits.map((h) => h.id)).toEqual(viaWalk.hits.map((h) => h.id));
    }
  });

  it('takes the published count from the caller, and a stale one changes the way, not the results', async () => {
    expect(await publishedItems(t.db)).toBe(40);
    for (const word of ['防汛', '通知', '王建国']) {
      const input = { q: word, today, limit: 2, countTotal: true };
      const read = await searchCatalog(t.db, input, whole);
      for (const published of [40, 0, 1_000_000]) {
        const given = await searchCatalog(t.db, { ...input, published }, whole);
        expect(given.hits.map((h) => [h.id, h.rank])).toEqual(read.hits.map((h) => [h.id, h.rank]));
        expect(given.total).toBe(read.total);
      }
    }
  });
});

describe('a rare query in a catalog larger than the window', () => {
  // A window of 30 whose first part is the 2 × candidates newest items.
  const walkOnly = (candidates: number): SearchLimits => ({ walk: 30, candidates });
  const ids: number[] = [];
  beforeAll(async () => {
    // Six items older than every other, about 抗震; the oldest says it twice (the highest rank).
    const { bureau } = world;
    const rows = Array.from({ length: 6 }, (_, i) => {
      const title = i === 0 ? '关于抗震抗震设防的通知' : `关于抗震设防的通知（第${i}号）`;
      return {
        indexNo: formatIndexNo(bureau.creditCode!, 2024, 500 + i),
        agencyId: bureau.id,
        title,
        publishedOn: `2024-06-0${i + 1}`,
        category: '20.1',
        state: 'published',
        searchText: itemSearchText({ title, docNo: null, body: '' }),
      };
    });
    ids.push(...(await t.db.insert(catalogItems).values(rows).returning({ id: catalogItems.id })).map((r) => r.id));
  });
  afterAll(() => t.db.delete(catalogItems).where(inArray(catalogItems.id, ids)));
  const newestFirst = () => [...ids].reverse();

  it('is found by the full-text index and ranked, though its matches lie beyond the window', async () => {
    const found = await searchCatalog(t.db, { q: '抗震', today, countTotal: true }, { ...walkOnly(6), rare: 10 });
    expect(found.hits[0].id).toBe(ids[0]);
    expect(new Set(found.hits.map((h) => h.id))).toEqual(new Set(ids));
    expect({ total: found.total, capped: found.totalCapped }).toEqual({ total: 6, capped: false });
    // Walked, they are older matches, listed newest first without a rank.
    const walked = await searchCatalog(t.db, { q: '抗震', today }, walkOnly(6));
    expect(walked.hits.map((h) => h.id)).toEqual(newestFirst());
  });

  it.each([1, 4])(
    'more matches than candidates: the newest ranked, the older by date, each once (pages of %i)',
    async (size) => {
      const kept = new Map<string, Promise<Candidates>>();
      const keep: KeepCandidates = (key, rank) => {
        if (!kept.has(key)) kept.set(key, rank());
        return kept.get(key)!;
      };
      const limits = { ...walkOnly(2), rare: 10 };
      const pages = (await allPages(t.db, { q: '抗震', keep }, limits, size)).map((h) => h.id);
      // Two candidates of equal relevance, the newer first; then the four older, newest first.
      expect(pages).toEqual(newestFirst());
      expect(kept.size).toBe(1);
      const counted = await searchCatalog(t.db, { q: '抗震', today, limit: 1, countTotal: true }, limits);
      expect({ total: counted.total, capped: counted.totalCapped }).toEqual({ total: 6, capped: false });
    },
  );

  it.each([
    "'\\:*|&",
    '抗震 <-> 设防',
    '!(抗震) & 设防:*',
    "抗震'); drop table catalog_items; --",
    '抗\ud800震',
    '抗震'.repeat(400),
  ])('hostile input %#: answered by the index as by the walk', async (q) => {
    for (const countTotal of [false, true]) {
      const found = await searchCatalog(t.db, { q, today, countTotal }, { ...walkOnly(2), rare: 10 });
      const walked = await searchCatalog(t.db, { q, today, countTotal }, walkOnly(2));
      expect(found.total).toBe(walked.total);
      expect(new Set(found.hits.map((h) => h.id))).toEqual(new Set(walked.hits.map((h) => h.id)));
    }
  });

  it('as many matches as the bound or more: walked, as without one', async () => {
    const found = await searchCatalog(t.db, { q: '抗震', today }, { ...walkOnly(6), rare: 6 });
    expect(found.hits.map((h) => h.id)).toEqual(newestFirst());
  });

  it.each([
    ['a common word', '通知', 4],
    ['a word in one item of three', '防汛', 3],
    ['a word in two of three', '春耕', 5],
  ])('%s: the same pages as the walk when the window holds its candidates', async (_name, word, size) => {
    const pages = await allPages(t.db, { q: word }, { ...walkOnly(3), rare: 30 }, size);
    expect(pages).toEqual(await allPages(t.db, { q: word }, walkOnly(3), size));
    expect(pages.length).toBe((await matchIds(word)).length);
  });

  it("leaves the planner's settings of a caller's transaction as they were", async () => {
    const settings = async (tx: Pick<Db, 'execute'>) =>
      (
        await tx.execute<{ seq: string; idx: string }>(
          sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx`,
        )
      ).rows[0];
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('enable_indexscan', 'off', true)`);
      const found = await searchCatalog(tx, { q: '抗震', today }, { ...walkOnly(6), rare: 10 });
      expect(found.hits).toHaveLength(6);
      expect(await settings(tx)).toEqual({ seq: 'on', idx: 'off' });
    });
    expect(await settings(t.db)).toEqual({ seq: 'on', idx: 'on' });
  });
});

// Last in this file: it adds items and withdraws one.
describe("a query's ranked candidates, kept for its later pages", () => {
  it('ranks once for every page of a query, and gives the same pages as ranking each time', async () => {
    const kept = new Map<string, Promise<Candidates>>();
    let ranked = 0;
    const keep: KeepCandidates = (key, rank) => {
      if (!kept.has(key)) {
        ranked++;
        kept.set(key, rank());
      }
      return kept.get(key)!;
    };
    for (const [word, size] of [
      ['通知', 4],
      ['防汛', 3],
    ] as const) {
      const pages = await allPages(t.db, { q: word, keep }, small, size);
      expect(pages.length).toBeGreaterThan(2 * size);
      expect(pages).toEqual(await allPages(t.db, { q: word }, small, size));
    }
    expect(ranked).toBe(2);
    // Another filter is another ranking; another page size of the same query is not.
    await allPages(t.db, { q: '通知', keep, states: ['published', 'draft'] }, small, 4);
    await allPages(t.db, { q: '通知', keep }, small, 6);
    expect(ranked).toBe(3);
  });

  it("kept by the portal's store, a withdrawn item is gone from the next page at once", async () => {
    const { bureau, reviewer } = world;
    const rows = Array.from({ length: 6 }, (_, i) => {
      const title = `关于抗旱保苗工作的通知（第${i + 1}号）`;
      return {
        indexNo: formatIndexNo(bureau.creditCode!, 2025, 200 + i),
        agencyId: bureau.id,
        title,
        publishedOn: day(300 + i),
        category: '20.1',
        state: 'published',
        searchText: itemSearchText({ title, docNo: null, body: '' }),
      };
    });
    await t.db.insert(catalogItems).values(rows);
    const rankings = versionedValues(t.db);
    const input = {
      q: '抗旱',
      today,
      limit: 2,
      keep: (key: string, rank: () => Promise<Candidates>) => rankings.get(key, rank),
    };
    const page = async (n: number) =>
      (await searchCatalog(t.db, { ...input, offset: (n - 1) * 2 }, small)).hits.map((h) => h.id);
    await page(1);
    const second = await page(2);
    expect(second).toHaveLength(2);
    await withdrawItem(
      { db: t.db, clock: fixedClock('2026-01-05T10:00:00+08:00') },
      { user: reviewer, itemId: second[0], reason: '内容有误，撤回更正' },
    );
    const again = await page(2);
    expect(again).not.toContain(second[0]);
    const fresh = await searchCatalog(t.db, { q: '抗旱', today, limit: 2, offset: 2 }, small);
    expect(again).toEqual(fresh.hits.map((h) => h.id));
  });
});
