/**
 * Search over a catalog of real notices' lengths (issue #18): the demo county's items copied `--copies` times
 * (20: ~60,000 items, each copy seven years older than the last) with bodies of about `--body-chars`
 * characters made of other items' titles (./long-bodies.ts), then distinct queries through searchCatalog as the
 * search page asks them (the day's items, the total counted): the titles' words, half alone and half two
 * together, drawn at random (queryMix). The uncached portal bench's list pairs its first word with every other,
 * so one word's frequency decides most of its figures. Each query is asked twice, in turn: with the default bounds, and with the baseline
 * of the same run, the window always walked (no `rare`), as before a sparse query was found by the index
 * (its capped count, though, by the index as now: only the old code can show the old count, as the note on
 * issue #18 of 2026-12-05 does). The totals of both must agree. On the server when one is configured (DATABASE_URL or `--pg=`), else PGlite.
 *
 *   npm run bench search-long -- --pg=postgres://postgres@127.0.0.1:5432/test
 *   npm run bench search-long -- --copies=5 --queries=200
 */
import { sql } from 'drizzle-orm';
import { CANDIDATES, publishedItems, type SearchLimits, searchCatalog, WALK } from '../src/catalog/search.ts';
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { upkeepOnPglite } from '../src/db/statistics.ts';
import { loadDemo } from '../src/demo/county.ts';
import { prng } from '../src/report/sample.ts';
import { openBenchDb } from './bench-db.ts';
import { lengthenBodies } from './long-bodies.ts';
import { nearestRank } from './nearest-rank.ts';
import { titleWords } from './portal-uncached.bench.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const TODAY = '2026-11-23';
/** The item columns a copy takes over (the rest keep their defaults). */
const COPIED = 'agency_id, title, doc_no, written_on, theme, genre, doc_type, category, disclosure, state, channels';

/** The demo county, then `copies - 1` copies of its items, each seven years older than the one before. */
async function loadCatalog(db: Db, copies: number, bodyChars: number): Promise<void> {
  await loadDemo({ db, clock: fixedClock(`${TODAY}T10:00:00+08:00`) }, { perYear: 400 });
  for (let k = 1; k < copies; k++) {
    await db.execute(
      sql.raw(`
      insert into catalog_items (index_no, published_on, ${COPIED})
      select index_no || '-c${k}', published_on - interval '${7 * k} years', ${COPIED}
      from catalog_items where index_no not like '%-c%'`),
    );
  }
  await lengthenBodies(db, bodyChars);
  if (!(await upkeepOnPglite(db)).analyzed) await db.execute(sql`vacuum analyze catalog_items`);
}

/** `n` distinct queries from the titles' words (titleWords): half one word, half two. */
export function queryMix(titles: string[], n: number): string[] {
  const words = titleWords(titles);
  const next = prng(18);
  const pick = () => words[Math.floor(next() * words.length)];
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < 20 * n; tries++) out.add(tries % 2 ? `${pick()} ${pick()}` : pick());
  return [...out];
}

const summary = (ms: number[]) =>
  `p50 ${nearestRank(ms, 0.5).toFixed(1)} ms, p95 ${nearestRank(ms, 0.95).toFixed(1)} ms, p99 ${nearestRank(ms, 0.99).toFixed(1)} ms, mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)} ms`;

async function run(label: string, url: string | undefined, copies: number, bodyChars: number, n: number) {
  const { db, close } = await openBenchDb('gk_search_long', url);
  try {
    const t0 = performance.now();
    await loadCatalog(db, copies, bodyChars);
    const loadS = (performance.now() - t0) / 1000;
    const published = await publishedItems(db);
    const titles = (await db.execute<{ title: string }>(sql`select title from catalog_items order by id limit 1000`))
      .rows;
    const queries = queryMix(
      titles.map((r) => r.title),
      n,
    );
    const baseline: SearchLimits = { walk: WALK, candidates: CANDIDATES };
    const ask = (q: string, limits?: SearchLimits) =>
      searchCatalog(db, { q, today: TODAY, publishedBy: TODAY, published, countTotal: true }, limits);
    for (const q of queries.slice(0, 30)) await ask(q);
    const now: number[] = [];
    const before: number[] = [];
    let differ = 0;
    for (const [i, q] of queries.entries()) {
      // In turn, each first every other query: neither way always meets the other's warm pages.
      const order = i % 2 ? ([undefined, baseline] as const) : ([baseline, undefined] as const);
      const totals: number[] = [];
      for (const limits of order) {
        const t = performance.now();
        const r = await ask(q, limits);
        (limits ? before : now).push(performance.now() - t);
        totals.push(r.total);
      }
      if (totals[0] !== totals[1]) differ++;
    }
    console.log(
      `search-long ${label}: ${published.toLocaleString('en')} items of ~${bodyChars.toLocaleString('en')} characters (loaded in ${loadS.toFixed(0)} s), ${queries.length} distinct queries: ${summary(now)}; baseline in this run, the window always walked: ${summary(before)}; totals differing ${differ}`,
    );
  } finally {
    await close();
  }
}

export default async function benchSearchLong(): Promise<void> {
  const copies = Number(arg('copies') ?? 20);
  const bodyChars = Number(arg('body-chars') ?? 2000);
  const n = Number(arg('queries') ?? 400);
  const server = arg('pg') ?? config.databaseUrl;
  await run(server ? 'PostgreSQL' : 'PGlite', server, copies, bodyChars, n);
}
