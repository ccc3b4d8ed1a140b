/**
 * The portal under load: 200 concurrent connections on the list and item pages for a few seconds each,
 * against localhost (autocannon). Target: p99 under 100 ms.
 */
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { fixedClock } from '../src/clock.ts';
import { migrateDb, openDb } from '../src/db/client.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { sampleReport } from '../src/report/sample.ts';
import { createSite } from '../src/web/site.ts';

export default async function benchPortal(): Promise<void> {
  const { db, close } = await openDb({ dataDir: 'memory://' });
  await migrateDb(db);
  const rows = Array.from({ length: 60 }, (_, i) => {
    const r = sampleReport({ format: 'new2021', seed: i, year: 2021 + (i % 5) });
    return {
      origin: 'computed' as const,
      issuer: `示范县第${i}局`,
      bodyKey: `b${i}`,
      year: r.year,
      format: r.format,
      values: r.values,
      status: 'published' as const,
      publishedAt: new Date(),
    };
  });
  const ids = (await db.insert(annualReports).values(rows).returning({ id: annualReports.id })).map((r) => r.id);
  const app = createSite({ db, clock: fixedClock('2026-03-01'), secret: 'bench', log: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  for (const [name, path] of [
    ['list /reports', '/reports'],
    ['item /reports/:id', `/reports/${ids[7]}`],
    ['home /', '/'],
  ] as const) {
    await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 1 }); // warm-up
    const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 200, duration: 5 });
    console.log(
      `portal ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx} (target p99 < 100 ms at 200 connections)`,
    );
  }
  server.close();
  await close();
}
