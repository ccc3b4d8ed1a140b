/**
 * Full-text search of the published catalog. Stored: search_text (segmented tokens, search-tokens.ts) and
 * search_vector = to_tsvector('simple', search_text) with a GIN index — the same on PGlite and on a server.
 * The query is segmented the same way (words, or the characters of a Chinese run side by side). Ranking:
 * ts_rank plus a recency bonus that halves every 180 days. Snippets are cut and marked in TypeScript.
 */
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { htmlToText } from './sanitize.ts';
import { highlightTerms, queryTokens } from './search-tokens.ts';
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
  /** Default: published only. Console searches pass the states they want. */
  states?: string[];
  /** For the recency bonus (clock.today()). */
  today?: string;
  limit?: number;
  offset?: number;
  /** Count the matches (up to offset + limit + 1,000) instead of only saying there are more. */
  countTotal?: boolean;
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

/** Matches counted beyond the page: the total shown is "1,000+" past this. */
const TOTAL_CAP = 1000;
/** How many of the most recent matches are ranked. */
const CANDIDATES = 1000;

export interface SearchResult {
  hits: SearchHit[];
  /** Matches; a lower bound when totalCapped (more exist than counted). */
  total: number;
  totalCapped: boolean;
}

export async function searchCatalog(db: Executor, input: SearchInput): Promise<SearchResult> {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  const where: SQL[] = [inArray(catalogItems.state, input.states ?? ['published'])];
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
  const tsquery = input.q ? queryTokens(input.q) : null;
  if (input.q && !tsquery) return { hits: [], total: 0, totalCapped: false };
  const query = tsquery ? sql`to_tsquery('simple', ${tsquery})` : null;
  if (query) where.push(sql`${catalogItems.searchVector} @@ ${query}`);
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  // float8 arithmetic: numeric powers per match would cost more than the ranking itself.
  const recency = sql`power(0.5::float8, greatest(0, ${today}::date - coalesce(c.published_on, ${today}::date))::float8 / 180.0)`;
  // Aliased, and ordered by the alias: ts_rank runs once per match (repeating the expression would bind new
  // parameters, and PostgreSQL would compute it twice).
  const rank = query
    ? sql<number>`(ts_rank(c.search_vector, ${query}) + 0.05 * ${recency})::float8 as "rank"`
    : sql<number>`${recency}::float8 as "rank"`;
  const offset = input.offset ?? 0;
  // Ranking runs over the most recent matches only (at least CANDIDATES): a common word matches a good part
  // of the catalog, and ts_rank over every match would cost more than the rest of the search. The planner
  // chooses between the GIN index (rare words) and walking 发布日期 backwards on (state, published_on) with an
  // incremental sort (common words). Plain `desc` (nulls first) so that index serves the order.
  const window = Math.max(CANDIDATES, offset + limit + 1);
  const ranked = await db.execute<{ id: number; rank: number }>(sql`
    select c.id, ${rank} from (
      select ${catalogItems.id} as id, ${catalogItems.searchVector} as search_vector, ${catalogItems.publishedOn} as published_on
      from ${catalogItems} where ${and(...where)}
      order by ${catalogItems.publishedOn} desc, ${catalogItems.id} desc
      limit ${window}
    ) c
    order by "rank" desc, c.published_on desc nulls last, c.id desc
    limit ${limit + 1} offset ${offset}`);
  const ids = ranked.rows.map((r) => Number(r.id));
  const details = ids.length
    ? await db
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
        .where(inArray(catalogItems.id, ids))
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = ranked.rows.map((r) => ({ ...byId.get(Number(r.id))!, rank: Number(r.rank) }));
  const hasMore = rows.length > limit;
  if (hasMore) rows.pop();
  let total = offset + rows.length + (hasMore ? 1 : 0);
  let totalCapped = hasMore;
  if (hasMore && input.countTotal) {
    // Counting every match of a common word costs as much as ranking them: count up to a cap.
    const cap = offset + limit + TOTAL_CAP;
    const counted = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${catalogItems} where ${and(...where)} limit ${cap}) m`,
    );
    total = counted.rows[0].n;
    totalCapped = total === cap;
  }
  const terms = input.q ? highlightTerms(input.q) : [];
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
