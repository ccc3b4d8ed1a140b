/**
 * Full-text search of the published catalog. Stored: search_text (segmented tokens, search-tokens.ts) and
 * search_vector = to_tsvector('simple', search_text) with a GIN index — the same on PGlite and on a server.
 * The query is segmented the same way (words, or the characters of a Chinese run side by side). Ranking:
 * ts_rank plus a recency bonus that halves every 180 days, over the newest matches (see rankedIds for the
 * order of the results and why its cost is bounded). Snippets are cut and marked in TypeScript.
 */
import { and, eq, gte, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import { builtOnce } from '../db/built-once.ts';
import type { Executor } from '../db/client.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { catalogTallies } from '../db/schema/catalog-tallies.ts';
import { htmlToText } from './sanitize.ts';
import { highlightTerms, searchQueries } from './search-tokens.ts';
import { highlight } from './snippet.ts';

export interface SearchInput {
  q?: string;
  /** Items of these agencies only (a subtree: subtreeIds). */
  agencyIds?: number[];
  /** A directory code; its sub-codes match too ('20' takes '20.7'). */
  category?: string;
  /** By 发布日期. */
  year?: number;
  docType?: string;
  /** Only items whose 发布日期 is on or before this day (the portal: a dated item is not public before its day). */
  publishedBy?: string;
  /** Default: published only. Console searches pass the states they want. */
  states?: string[];
  /** For the recency bonus (clock.today()). */
  today?: string;
  limit?: number;
  offset?: number;
  /** Count the matches (up to offset + limit + 1,000) instead of only saying there are more. */
  countTotal?: boolean;
  /**
   * The catalog's published items (publishedItems), when the caller keeps the figure: the portal keeps it
   * until the records change. Read here when absent. It only chooses how the candidates are found; a stale
   * figure costs time, not results.
   */
  published?: number;
  /**
   * A store for a query's ranked candidates, so that its later pages skip the ranking (the walk and ts_rank over
   * up to CANDIDATES matches: most of a common word's cost). The key names everything the ranking reads; the
   * store must drop what it keeps when the records change (the portal's: src/web/versioned.ts).
   */
  keep?: KeepCandidates;
}

/** A store of computed values by key (see SearchInput.keep). */
export type KeepCandidates = (key: string, compute: () => Promise<Candidates>) => Promise<Candidates>;

/** A query's ranked candidates, and how they were found (which tells where the older matches lie). */
export interface Candidates {
  rows: readonly Ranked[];
  /**
   * 'first': walked, all in the window's first part (a word in half the items or more); 'window': walked in the
   * newest WALK items; 'catalog': the catalog is no larger than the window; 'index': a sparse query's first
   * matches of all the items, found by the full-text index (rareMatches), as are the older.
   */
  found: 'first' | 'window' | 'catalog' | 'index';
}

export interface SearchHit {
  id: number;
  indexNo: string;
  title: string;
  /** HTML: escaped text with <mark> around the matches. */
  titleHtml: string;
  snippetHtml: string;
  agencyId: number;
  docNo: string | null;
  publishedOn: string | null;
  category: string;
  docType: string;
  rank: number;
}

/** An 索引号 typed whole (统一社会信用代码/2026-00012) or by its tail (2026-00012). */
const INDEX_NO_QUERY = /^(?:[0-9A-HJ-NPQRTUWXY]{18}\/)?\d{4}-\d{5,}$/;

/** Matches counted beyond the page: the total shown is "1,000+" past this. */
const TOTAL_CAP = 1000;
/** How many of the newest matches are ranked by relevance (ten pages); later matches follow by date. */
export const CANDIDATES = 200;
/** How many of the newest items (after the filters) the walk reads for candidates at the most. */
export const WALK = 10_000;

/** Matches in the walk that make a word common enough to walk on for older matches. */
const DENSE = 20;

/**
 * A query with fewer matches than this in the whole catalog, counted by the full-text index alone, is found by
 * that index rather than by the walk (rareMatches). Reading a match's row for its date costs about a third of
 * reading its vector in the walk (4 against 12 µs on the server, real notices' lengths), and the walk reads
 * CANDIDATES × items ÷ matches rows: the index is the cheaper way below √(3 × CANDIDATES × items) matches, 6,000
 * in 60,000 items and 24,000 in a million. Asked wrongly, the count reads this many rows for nothing.
 */
export const RARE = 5000;

/** The bounds of the ranking (tests make them small). */
export interface SearchLimits {
  walk: number;
  candidates: number;
  /** RARE. Absent or 0: the window is always walked. */
  rare?: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches; a lower bound when totalCapped (more exist than counted). */
  total: number;
  totalCapped: boolean;
}

export type Ranked = {
  id: number;
  rank: number;
  published_on: string | null;
};

/** Whether `a` comes before `b` in walk order (the result rows carry no order of their own). */
function beforeInWalk(a: Pick<Ranked, 'id' | 'published_on'>, b: Pick<Ranked, 'id' | 'published_on'>): boolean {
  if (a.published_on !== b.published_on) {
    if (a.published_on === null) return true;
    if (b.published_on === null) return false;
    return a.published_on > b.published_on;
  }
  return a.id > b.id;
}

/** Walk order: 发布日期 newest first (nulls first, as `desc` sorts them), then id. */
const walkOrder = sql`${catalogItems.publishedOn} desc, ${catalogItems.id} desc`;

/**
 * The order of the results, one total order so that every page is a slice of it:
 *   1. the candidates — the matches among the newest WALK items (at most CANDIDATES of them), by relevance
 *      (ts_rank plus a recency bonus), then 发布日期, then id; for a sparse query (the window's first part
 *      foretells fewer than RARE matches in the catalog, and a count on the index confirms it), its newest
 *      CANDIDATES matches of the whole catalog, found by the index (rareMatches), as its older ones are;
 *   2. then every older match, newest first.
 * The walk reads the newest items in index order and tests each (cost bounded by WALK, whatever the word);
 * the GIN index serves only the older matches, asked for when a page needs more than the candidates: a
 * common word fills its pages from the walk, a rare one has few matches for the index to return. So neither
 * case depends on the planner guessing how common a word is.
 */
async function rankedIds(
  db: Executor,
  where: SQL,
  query: SQL,
  today: string,
  offset: number,
  limit: number,
  { walk, candidates: most, rare = 0 }: SearchLimits,
  wantTotal: boolean,
  /**
   * Only published items pass the filters and the catalog has at most `walk` of them: the window is the whole
   * catalog.
   */
  whole: boolean,
  /** The catalog's published items (publishedItems): how many matches the first part's rate foretells. */
  items: number,
  /** The query with its pairs anywhere (pairsAnywhere): what the full-text index answers without a recheck. */
  anywhere: SQL,
  /** Where the candidates are kept for the query's later pages, and under what key. */
  kept?: { keep: KeepCandidates; key: string },
): Promise<{ rows: Ranked[]; matches?: number; found: Candidates['found'] }> {
  const recency = sql`power(0.5::float8, greatest(0, ${today}::date - coalesce(r.published_on, ${today}::date))::float8 / 180.0)`;
  const rank = sql`(ts_rank(r.search_vector, ${query}) + 0.05 * ${recency})::float8`;
  // The WALK-th item, where the window ends (none when fewer items pass the filters); asked for once.
  let windowEnd: { id: number; published_on: string | null }[] | undefined;
  // The first `most` matches in walk order, of all the items. A catalog no larger than the window (a county's few
  // thousand items) is the window: its first matches in walk order are the same candidates, and the planner may
  // find them either way, by the walk's index (a common word: it stops at the last candidate) or by the GIN index
  // and a sort of the matches (a rare one). A wrong guess costs a walk of the window at the most, so there,
  // unlike in a catalog of millions, the planner may choose; and no WALK-th item exists to ask for.
  const firstMatches = () =>
    db.execute<Ranked>(sql`
    select r.id, r.published_on::text as published_on, ${rank} as "rank"
    from (
      select ${catalogItems.id} as id, ${catalogItems.searchVector} as search_vector, ${catalogItems.publishedOn} as published_on
      from ${catalogItems} where ${where} and ${catalogItems.searchVector} @@ ${query}
      order by ${walkOrder}
      limit ${most}
    ) r`);
  // The matches among the items from `skip` to `skip + take` in walk order, `most` of them at the most. The inner
  // limit bounds the walk; the outer one stops it at enough matches. Both keep index order.
  const walkMatches = async (skip: number, take: number, most: number) =>
    (
      await db.execute<Ranked>(sql`
    select r.id, r.published_on::text as published_on, ${rank} as "rank"
    from (
      select ${catalogItems.id} as id, ${catalogItems.searchVector} as search_vector, ${catalogItems.publishedOn} as published_on
      from ${catalogItems} where ${where} order by ${walkOrder} offset ${skip} limit ${take}
    ) r
    where r.search_vector @@ ${query}
    limit ${most}`)
    ).rows;
  // The window walked: its newest items first, few enough to read for any query, then the rest unless the
  // query is rare (see rareMatches). A word in half the items is done after the first part.
  const walkWindow = async (): Promise<Candidates> => {
    const first = Math.min(walk, 2 * most);
    const found = await walkMatches(0, first, most);
    if (found.length === most) return { rows: found, found: 'first' };
    if (first === walk) return { rows: found, found: 'window' };
    // At the first part's rate, fewer than `rare` matches in the catalog: maybe rare (counted to be sure).
    const sparse = found.length * items < rare * first;
    const rareOnes = sparse ? await rareMatches(db, { where, query, anywhere, rank, most, rare }) : null;
    if (rareOnes) return { rows: rareOnes, found: 'index' };
    return { rows: [...found, ...(await walkMatches(first, walk - first, most - found.length))], found: 'window' };
  };
  const rankCandidates = async (): Promise<Candidates> => {
    // Ranked after the limit: ts_rank reads each vector again.
    const found: Candidates = whole ? { rows: (await firstMatches()).rows, found: 'catalog' } : await walkWindow();
    // Frozen: kept, the same rows serve every later page of the query.
    return Object.freeze({
      found: found.found,
      rows: Object.freeze(
        found.rows
          .map((r) => Object.freeze({ id: Number(r.id), rank: Number(r.rank), published_on: r.published_on }))
          .sort((a, b) => b.rank - a.rank || (b.published_on ?? '').localeCompare(a.published_on ?? '') || b.id - a.id),
      ),
    });
  };
  const { rows: candidates, found } = kept ? await kept.keep(kept.key, rankCandidates) : await rankCandidates();
  // Candidates of all the items have no window: past them lie only older matches, or none.
  if (found === 'catalog' || found === 'index') windowEnd = [];
  const lastOfWindow = async () => {
    windowEnd ??= (
      await db.execute<{ id: number; published_on: string | null }>(sql`
      select ${catalogItems.id} as id, ${catalogItems.publishedOn}::text as published_on from ${catalogItems}
      where ${where} order by ${walkOrder} offset ${walk - 1} limit 1`)
    ).rows;
    return windowEnd;
  };
  const needed = offset + limit + 1;
  // Every match is a candidate when the window held every item (no WALK-th item) and had room to spare: their
  // number is the total, with nothing left to count (a county's catalog of a few thousand items). One look
  // at the index past the window's end tells, cheaper than counting the matches again.
  if (wantTotal && candidates.length < most) await lastOfWindow();
  const matches = windowEnd?.length === 0 && candidates.length < most ? candidates.length : undefined;
  if (candidates.length >= needed) return { rows: candidates.slice(offset, needed), matches, found };
  // Where the candidates end in walk order: after the last candidate, or after the WALK-th item read.
  const [boundary] =
    candidates.length === most
      ? [candidates.reduce((last, r) => (beforeInWalk(last, r) ? r : last))]
      : await lastOfWindow();
  if (!boundary) return { rows: candidates.slice(offset, needed), matches: candidates.length, found };
  const bid = Number(boundary.id);
  const after =
    boundary.published_on === null
      ? sql`(${catalogItems.publishedOn} is not null or ${catalogItems.id} < ${bid})`
      : sql`(${catalogItems.publishedOn} < ${boundary.published_on} or (${catalogItems.publishedOn} = ${boundary.published_on} and ${catalogItems.id} < ${bid}))`;
  const skip = Math.max(0, offset - candidates.length);
  const take = needed - Math.max(offset, candidates.length);
  const older =
    found === 'index'
      ? ((await rareMatches(db, { where: sql`${where} and ${after}`, query, anywhere, skip, most: take })) ?? []).map(
          (r) => ({ id: Number(r.id), published_on: r.published_on }),
        )
      : await olderMatches(db, sql`${where} and ${after}`, query, skip, take, {
          // A word met often in the walk is common: walk on for its older matches, as far as its frequency says
          // they lie (with room to spare, at most five walks); the GIN index takes over if that comes up short.
          dense:
            candidates.length >= DENSE
              ? Math.min(5 * walk, Math.ceil((1.5 * (skip + take) * walk) / candidates.length))
              : 0,
        });
  return { rows: [...candidates.slice(offset), ...older.map((r) => ({ ...r, rank: 0 }))], found };
}

/**
 * A sparse query's matches in walk order, `skip` then `most`, found by the full-text index: with `rare`, only
 * when it has fewer than `rare` matches in all (else null, for the walk to find); `rank` for the candidates.
 *
 * The walk tests the newest items one by one, and each test reads the item's vector, which a real notice's
 * body makes some 12 KB, kept out of line (TOAST): a query matching nothing in the window read all WALK of
 * them (a name, 62–90 ms on the server over 50,000 items of 3,000 characters). The query with its pairs
 * anywhere (pairsAnywhere) is answered by the index without reading a vector: its matches, a few more than the
 * query's own, are counted, then sorted by date, and the query's own test (side by side: a vector read) runs
 * on them in that order only until enough are found. Counting costs the index a pass over every match (7 ms for
 * pairs in each of 50,000 items) and a row read for each up to `rare`, so it is asked only when the window's
 * first part found the query sparse. The plan is fixed (withFixedPlan).
 */
async function rareMatches(
  db: Executor,
  opts: { where: SQL; query: SQL; anywhere: SQL; most: number; skip?: number; rare?: number; rank?: SQL },
): Promise<Ranked[] | null> {
  const { where, query, anywhere, most, skip = 0, rare, rank = sql`0::float8` } = opts;
  return withFixedPlan(db, async (tx) => {
    // One pass over the heap: the matches anywhere (`rare` of them at the most) counted and, when fewer, sorted
    // by date; offset 0 keeps the query's own test out of the sort: it runs after it, in order, to the limit.
    const rows = (
      await tx.execute<Ranked & { matched: number }>(sql`
      with m as materialized (
        select ${catalogItems.id} as id, ${catalogItems.publishedOn} as published_on, ${catalogItems.searchVector} as search_vector
        from ${catalogItems} where ${where} and ${catalogItems.searchVector} @@ ${anywhere} limit ${rare ?? null}
      ), counted as (select count(*)::int as n from m)
      select counted.n as matched, r.id, r.published_on::text as published_on, ${rank} as "rank"
      from counted left join lateral (
        select * from (select * from m order by published_on desc, id desc offset 0) o
        where counted.n < ${rare ?? 2_147_483_647} and o.search_vector @@ ${query}
        offset ${skip} limit ${most}
      ) r on true`)
    ).rows;
    return rare !== undefined && Number(rows[0].matched) >= rare ? null : rows.filter((r) => r.id !== null);
  });
}

/**
 * `run` with the planner kept to bitmap scans: the full-text index finds the matches, and no row's vector is
 * read but those the index cannot settle alone. Guessing a word common, the planner would test row after row
 * instead, each test reading a vector some 12 KB long for a real notice (TOAST). set_config(…, true) lasts to
 * the end of the transaction, so inside a caller's transaction the settings are put back after `run` (an error
 * rolls them back with the transaction or its savepoint). Begun by itself, the transaction is read only: on a
 * routed Db (src/db/replica.ts) the portal's searches then read the replica, as their other statements do.
 */
async function withFixedPlan<T>(db: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  const fixed = async (tx: Executor) => {
    const [before] = (
      await tx.execute<{ seq: string; idx: string }>(sql`
      select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx,
        set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`)
    ).rows;
    const result = await run(tx);
    await tx.execute(
      sql`select set_config('enable_seqscan', ${before.seq}, true), set_config('enable_indexscan', ${before.idx}, true)`,
    );
    return result;
  };
  // Its own transaction is read only, so that the portal's reads stay on a replica (src/db/replica.ts); inside a
  // caller's, a savepoint.
  return 'rollback' in db ? db.transaction(fixed) : db.transaction(fixed, { accessMode: 'read only' });
}

/** Published items in the whole catalog, from the tallies kept beside it (src/catalog/tallies.ts). */
export async function publishedItems(db: Executor): Promise<number> {
  const counted = await db.execute<{ n: number }>(
    sql`select coalesce(sum(${catalogTallies.n}), 0)::int as n from ${catalogTallies}`,
  );
  return Number(counted.rows[0]?.n ?? 0);
}

/**
 * Matches in walk order, `skip` then `take`. A common word (`dense`: how many items to walk at the most)
 * is walked on in index order; a rare one, or a common one whose walk came up short, is found by the GIN
 * index (sorting on an expression keeps the planner off the walk index, which would read every item).
 */
async function olderMatches(
  db: Executor,
  where: SQL,
  query: SQL,
  skip: number,
  take: number,
  { dense }: { dense: number },
): Promise<{ id: number; published_on: string | null }[]> {
  const read = (rows: { id: number; published_on: string | null }[]) =>
    rows.map((r) => ({ id: Number(r.id), published_on: r.published_on }));
  if (dense > 0) {
    const walked = await db.execute<{ id: number; published_on: string | null }>(sql`
      select r.id, r.published_on::text as published_on from (
        select ${catalogItems.id} as id, ${catalogItems.searchVector} as search_vector, ${catalogItems.publishedOn} as published_on
        from ${catalogItems} where ${where} order by ${walkOrder} limit ${dense}
      ) r
      where r.search_vector @@ ${query}
      offset ${skip} limit ${take}`);
    if (walked.rows.length === take) return read(walked.rows);
  }
  const found = await db.execute<{ id: number; published_on: string | null }>(sql`
    select ${catalogItems.id} as id, ${catalogItems.publishedOn}::text as published_on from ${catalogItems}
    where ${where} and ${catalogItems.searchVector} @@ ${query}
    order by ${catalogItems.publishedOn} + 0 desc nulls first, ${catalogItems.id} desc
    offset ${skip} limit ${take}`);
  return read(found.rows);
}

/** Without words: newest first. */
async function newestIds(db: Executor, where: SQL, offset: number, limit: number): Promise<Ranked[]> {
  const rows = await db.execute<{ id: number; published_on: string | null }>(sql`
    select ${catalogItems.id} as id, ${catalogItems.publishedOn}::text as published_on from ${catalogItems}
    where ${where} order by ${walkOrder} offset ${offset} limit ${limit + 1}`);
  return rows.rows.map((r) => ({ id: Number(r.id), rank: 0, published_on: r.published_on }));
}

/**
 * The hits' columns, by id: one statement built once per database (../db/built-once.ts), the ids one array
 * parameter. Built from drizzle's builder on every search it cost as much as ranking on the page's thread.
 */
const detailsQuery = (db: Executor) =>
  builtOnce(db, 'catalog-search-details', () =>
    db
      .select({
        id: catalogItems.id,
        indexNo: catalogItems.indexNo,
        title: catalogItems.title,
        body: catalogItems.body,
        agencyId: catalogItems.agencyId,
        docNo: catalogItems.docNo,
        publishedOn: catalogItems.publishedOn,
        category: catalogItems.category,
        docType: catalogItems.docType,
      })
      .from(catalogItems)
      .where(sql`${catalogItems.id} = any(${sql.placeholder('ids')}::int[])`)
      .prepare(''),
  );

export async function searchCatalog(
  db: Executor,
  input: SearchInput,
  limits: SearchLimits = { walk: WALK, candidates: CANDIDATES, rare: RARE },
): Promise<SearchResult> {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  const states = input.states ?? ['published'];
  const publishedOnly = states.length === 1 && states[0] === 'published';
  const where: SQL[] = [inArray(catalogItems.state, states)];
  if (input.agencyIds) where.push(inArray(catalogItems.agencyId, input.agencyIds.length ? input.agencyIds : [-1]));
  if (input.category) {
    where.push(
      sql`(${catalogItems.category} = ${input.category} or ${catalogItems.category} like ${`${input.category.replace(/[\\%_]/g, '\\$&')}.%`})`,
    );
  }
  if (input.year) {
    where.push(
      gte(catalogItems.publishedOn, `${input.year}-01-01`),
      lte(catalogItems.publishedOn, `${input.year}-12-31`),
    );
  }
  if (input.docType) where.push(eq(catalogItems.docType, input.docType));
  if (input.publishedBy) where.push(lte(catalogItems.publishedOn, input.publishedBy));
  // An 索引号, whole or its tail (2026-00012): the item itself, not the words of the number.
  const indexNo = input.q?.trim().toUpperCase();
  const byIndexNo = indexNo !== undefined && INDEX_NO_QUERY.test(indexNo);
  if (byIndexNo) where.push(like(catalogItems.indexNo, `%${indexNo}`));
  const words = byIndexNo ? undefined : input.q;
  const typed = words ? searchQueries(words) : null;
  const tsquery = typed?.inOrder ?? null;
  if (words && !tsquery) return { hits: [], total: 0, totalCapped: false };
  const query = tsquery ? sql`to_tsquery('simple', ${tsquery})` : null;
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const offset = input.offset ?? 0;
  const filters = and(...where)!;
  // The published count (given, or from the tallies) is read only for a query: it decides the way.
  const items = query ? (input.published ?? (await publishedItems(db))) : 0;
  const whole = Boolean(query) && publishedOnly && items <= limits.walk;
  // Everything the ranking reads, and nothing of the page: every page of one query has the same key.
  const kept =
    input.keep && tsquery
      ? {
          keep: input.keep,
          key: JSON.stringify([
            tsquery,
            states,
            input.agencyIds,
            input.category,
            input.year,
            input.docType,
            input.publishedBy,
            today,
            limits.walk,
            limits.candidates,
            limits.rare,
            whole,
          ]),
        }
      : undefined;
  const {
    rows: ranked,
    matches,
    found,
  } = query
    ? await rankedIds(
        db,
        filters,
        query,
        today,
        offset,
        limit,
        limits,
        input.countTotal ?? false,
        whole,
        items,
        sql`to_tsquery('simple', ${typed!.anywhere})`,
        kept,
      )
    : { rows: await newestIds(db, filters, offset, limit), matches: undefined, found: undefined };
  if (query) where.push(sql`${catalogItems.searchVector} @@ ${query}`);
  const ids = ranked.map((r) => r.id);
  const details = ids.length ? await detailsQuery(db).execute({ ids }) : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = ranked.map((r) => ({ ...byId.get(r.id)!, rank: r.rank }));
  const hasMore = rows.length > limit;
  if (hasMore) rows.pop();
  let total = offset + rows.length + (hasMore ? 1 : 0);
  let totalCapped = hasMore;
  if (hasMore && input.countTotal && matches !== undefined) {
    total = matches;
    totalCapped = false;
  } else if (hasMore && input.countTotal) {
    // Counting every match of a common word costs as much as ranking them: count up to a cap. A word in half
    // the items or more is counted by testing rows in any order, as the planner likes: the cap comes soon. A
    // rarer one by the full-text index (withFixedPlan): tested row by row, the cap may be thousands of rows
    // away (400 ms for two words in 2% of 60,000 items of 2,000 characters).
    const cap = offset + limit + TOTAL_CAP;
    const count = (ex: Executor) =>
      ex.execute<{ n: number }>(
        sql`select count(*)::int as n from (select 1 from ${catalogItems} where ${and(...where)} limit ${cap}) m`,
      );
    const counted = found === 'window' || found === 'index' ? await withFixedPlan(db, count) : await count(db);
    total = counted.rows[0].n;
    totalCapped = total === cap;
  }
  const terms = words ? highlightTerms(words) : [];
  return {
    total,
    totalCapped,
    hits: rows.map(({ body, ...r }) => ({
      ...r,
      titleHtml: highlight(r.title, terms, 500),
      snippetHtml: highlight(htmlToText(body), terms, 160),
    })),
  };
}
