/**
 * Issue #18: the portal's pages rendered fresh. The server runs without its page cache (`--uncached`, as a
 * change or a crawler leaves it) and every request asks for another address: home, catalog lists (agency ×
 * category × page), catalog items, searches (distinct queries from the items' own words) and report pages.
 * 200 connections for a few seconds each (autocannon), on PGlite and, when a server is configured
 * (config.databaseUrl or `--pg=postgres://…`), on PostgreSQL. Targets: p99 < 500 ms on PGlite, < 150 ms on
 * the server. The baseline printed first is the same load on the stylesheet (no database, no rendering), so
 * figures taken on a busy machine can be read against it.
 *
 *   npm run bench portal-uncached
 *   npm run bench portal-uncached -- --only=pglite --seconds=5
 *   npm run bench portal-uncached -- --only=pglite --pages=search,items   (some pages only: home, lists, items,
 *     search, reports, charts)
 *   npm run bench portal-uncached -- --only=pglite --pages=search --body-chars=2000   (bodies of a real notice's
 *     length instead of the demo's ~130 characters: bench/portal-server.ts)
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { wordTokens } from '../src/catalog/search-tokens.ts';
import { config } from '../src/config.ts';
import { STYLESHEET_PATH } from '../src/web/assets.ts';
import { firstJsonLine } from './first-line.ts';
import { onceConnected } from './once-connected.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

interface Started {
  port: number;
  reports: number[];
  items: number[];
  titles: string[];
  agencies: number[];
}

/** The words of the items' titles worth searching for: two characters or more, not numbers, each once. */
export const titleWords = (titles: string[]): string[] => [
  ...new Set(titles.flatMap((t) => wordTokens(t)).filter((w) => w.length >= 2 && !/^\d+$/.test(w))),
];

/** Distinct search queries: words of the items' titles, alone and in pairs, and their later pages. */
export function distinctQueries(titles: string[], most = 5000): string[] {
  const words = titleWords(titles);
  const out: string[] = [];
  for (const w of words) out.push(`q=${encodeURIComponent(w)}`, `q=${encodeURIComponent(w)}&page=2`);
  for (let i = 0; out.length < most && i < words.length; i++)
    for (let j = i + 1; out.length < most && j < words.length; j++)
      out.push(`q=${encodeURIComponent(`${words[i]} ${words[j]}`)}`);
  return out.slice(0, most);
}

/**
 * The same queries in an order fixed by `seed` (Fisher–Yates with a small LCG): a five-second run asks about a
 * quarter of them, and in the list's own order that quarter is the titles' first words alone (示范, 人民政府, 关于:
 * words in most items, the dearest to rank), never the pairs or the rarer words that most distinct queries are.
 */
export function shuffled<T>(list: readonly T[], seed = 18): T[] {
  const out = [...list];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The pages asked for with --pages (all when absent). */
const pages = arg('pages')?.split(',');

async function measure(port: number, name: string, paths: string[], seconds: number, target: number, page = '') {
  if (pages && page && !pages.includes(page)) return;
  let next = 0;
  const requests = [{ setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
  const url = `http://127.0.0.1:${port}`;
  await autocannon({ url, headers: BROWSER, requests, connections: 10, duration: 1 }); // warm-up
  const steady = onceConnected(200);
  const r = await autocannon({
    url,
    headers: BROWSER,
    requests,
    connections: 200,
    duration: seconds,
    setupClient: steady.setupClient,
  });
  // Latencies are of the answered requests only: the count left unanswered when the time ran out says how
  // far behind the server was (their wait is longer than any figure printed). The second line leaves out the
  // wait of the connections opened at once at the start (./once-connected.ts).
  console.log(
    `  ${name}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, answered ${r.requests.total} of ${r.requests.sent} sent, errors ${r.errors + r.non2xx + r.timeouts}, ${Math.min(next, paths.length)} distinct addresses of ${paths.length}${target ? ` (target p99 < ${target} ms)` : ''}`,
  );
  console.log(`    ${steady.summary()}`);
  await drained(url);
}

/** Waits until the server has worked off what the last run left queued: the stylesheet answered quickly. */
async function drained(url: string) {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const t = performance.now();
    await (await fetch(`${url}${STYLESHEET_PATH}`)).arrayBuffer();
    if (performance.now() - t < 50) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function run(label: string, pg: string | undefined, target: number, seconds: number) {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = ['--import', 'tsx', join(here, 'portal-server.ts'), '--uncached', ...(pg ? [`--pg=${pg}`] : [])];
  if (process.argv.includes('--one-thread')) args.push('--one-thread');
  if (arg('body-chars')) args.push(`--body-chars=${arg('body-chars')}`);
  const child = spawn(
    process.execPath,
    [...(process.argv.includes('--prof') ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : []), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const s = await firstJsonLine<Started>(child);
    console.log(
      `portal uncached, ${label} (${s.items.length} items, ${s.reports.length} reports, ${s.agencies.length} agencies):`,
    );
    const cats = ['', '&category=20', '&category=20.1', '&category=20.7', '&category=21'];
    const lists = s.agencies.flatMap((a) =>
      cats.flatMap((c) => [1, 2, 3].map((p) => `/catalog?agency=${a}${c}&page=${p}`)),
    );
    const plain = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => `/catalog?page=${p}`);
    const homes = Array.from({ length: 5000 }, (_, i) => `/?from=${i}`);
    await measure(s.port, 'baseline: the stylesheet (no database, no page)', [STYLESHEET_PATH], seconds, 0);
    await measure(s.port, 'home /', homes, seconds, target, 'home');
    await measure(
      s.port,
      'catalog lists /catalog?agency&category&page',
      [...plain, ...lists],
      seconds,
      target,
      'lists',
    );
    await measure(
      s.port,
      'catalog items /catalog/:id',
      s.items.map((id) => `/catalog/${id}`),
      seconds,
      target,
      'items',
    );
    const searches = distinctQueries(s.titles).map((q) => `/search?${q}`);
    await measure(
      s.port,
      'search /search?q (distinct queries, in a fixed random order)',
      shuffled(searches),
      seconds,
      target,
      'search',
    );
    // The worst case, printed beside it: the titles' commonest words, each in most items, first.
    await measure(s.port, 'search /search?q (the commonest words first)', searches, seconds, target, 'search');
    const reportPages = [
      ...s.reports.map((id) => `/reports/${id}`),
      '/reports',
      ...[2022, 2023, 2024, 2025].map((y) => `/reports?year=${y}`),
    ];
    await measure(s.port, 'report pages /reports/:id and /reports', reportPages, seconds, target, 'reports');
    // A report page's charts are images of their own (drawn once per report version, kept a year by browsers):
    // printed for what a first visit after a change costs, not held to the page target.
    await measure(
      s.port,
      'report charts /reports/:id/charts/:n.svg (images, drawn once per version)',
      s.reports.flatMap((id) => [0, 1].map((n) => `/reports/${id}/charts/${n}.svg`)),
      seconds,
      0,
      'charts',
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export default async function benchPortalUncached(): Promise<void> {
  const only = arg('only');
  const seconds = Number(arg('seconds') ?? 5);
  if (only !== 'postgres') await run('PGlite', undefined, 500, seconds);
  if (only === 'pglite') return;
  const server = arg('pg') ?? config.databaseUrl;
  if (server) await run('PostgreSQL server', server, 150, seconds);
  else console.log('portal uncached, PostgreSQL: skipped (configure DATABASE_URL or pass --pg=postgres://…)');
}
