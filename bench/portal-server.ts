/** The portal over the demo county in an in-memory database, for bench/portal.bench.ts (its own process). */
import { serve } from '@hono/node-server';
import { and, eq, lte } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { migrateDb, openDb } from '../src/db/client.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { loadDemo } from '../src/demo/county.ts';
import { createSite } from '../src/web/site.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
const { db } = await openDb({ dataDir: 'memory://' });
await migrateDb(db);
await loadDemo({ db, clock }, { perYear: 400 });
const reports = await db
  .select({ id: annualReports.id })
  .from(annualReports)
  .where(eq(annualReports.status, 'published'));
const items = await db
  .select({ id: catalogItems.id })
  .from(catalogItems)
  // Published by the bench's day: an item dated later is not on the portal yet (定时发布).
  .where(and(eq(catalogItems.state, 'published'), lte(catalogItems.publishedOn, '2026-11-23')))
  .limit(1000);
const agencyIds = [...new Set((await db.select({ id: catalogItems.agencyId }).from(catalogItems)).map((r) => r.id))];
// One visitor (the bench, 127.0.0.1) asks for every page: the per-visitor limits would answer it 429.
const app = createSite({ db, clock, secret: 'bench', log: () => {}, searchesPerMinute: 1_000_000 });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ port, reports: reports.map((r) => r.id), items: items.map((i) => i.id), agencies: agencyIds })}\n`,
  );
});
