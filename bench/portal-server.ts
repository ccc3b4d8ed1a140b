/**
 * The portal over the demo county, for bench/portal.bench.ts and bench/portal-uncached.bench.ts (its own
 * process). PGlite in memory by default; `--pg=postgres://…` loads the county into a database of its own on
 * that server (dropped when the process ends). `--uncached` serves without the page cache (issue #18: pages
 * rendered fresh). PGlite runs in a thread of its own as in `gongkai serve`; `--one-thread` on the page's thread.
 * `--body-chars=N` gives every item a body of about N characters (the demo's are ~130; a real notice runs to
 * thousands): ./long-bodies.ts.
 */
import { serve } from '@hono/node-server';
import { and, eq, lte, sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { upkeepOnPglite } from '../src/db/statistics.ts';
import { loadDemo } from '../src/demo/county.ts';
import { createSite } from '../src/web/site.ts';
import { openBenchDb } from './bench-db.ts';
import { lengthenBodies } from './long-bodies.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const clock = fixedClock('2026-11-23T10:00:00+08:00');
// PGlite as `gongkai serve` opens it, in a thread of its own; `--one-thread` for the page's own thread.
const { db, close } = await openBenchDb(
  'gk_portal_bench',
  arg('pg'),
  'memory://',
  !process.argv.includes('--one-thread'),
);
await loadDemo({ db, clock }, { perYear: 400 });
const bodyChars = Number(arg('body-chars') ?? 0);
if (bodyChars > 0) await lengthenBodies(db, bodyChars);
// As `gongkai serve` does on start (PGlite runs no autovacuum); on the server, as autovacuum does minutes after
// a load: VACUUM merges the full-text index's pending list. ANALYZE alone left it, and the planner then read
// every item's vector for every search (8 ms a query against 1 ms merged; 103 searches/s in the bench).
if (!(await upkeepOnPglite(db)).analyzed) await db.execute(sql`vacuum analyze`);
const reports = await db
  .select({ id: annualReports.id })
  .from(annualReports)
  .where(eq(annualReports.status, 'published'));
const items = await db
  .select({ id: catalogItems.id, title: catalogItems.title })
  .from(catalogItems)
  // Published by the bench's day: an item dated later is not on the portal yet (定时发布).
  .where(and(eq(catalogItems.state, 'published'), lte(catalogItems.publishedOn, '2026-11-23')))
  .limit(1000);
const agencyIds = [...new Set((await db.select({ id: catalogItems.agencyId }).from(catalogItems)).map((r) => r.id))];
// One visitor (the bench, 127.0.0.1) asks for every page: the per-visitor limits would answer it 429.
const app = createSite({
  db,
  clock,
  secret: 'bench',
  log: () => {},
  searchesPerMinute: 1_000_000,
  pageCache: !process.argv.includes('--uncached'),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ port, reports: reports.map((r) => r.id), items: items.map((i) => i.id), titles: items.map((i) => i.title), agencies: agencyIds })}\n`,
  );
});
const stop = () => server.close(() => void close().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
