/**
 * The portal under load on the demo county: 200 concurrent connections on the list and item pages (catalog
 * and annual reports) for a few seconds each, against localhost (autocannon), the server in its own process
 * as in production. Target: p99 under 100 ms. Visitors are not signed in, so pages come from the page cache
 * (src/web/page-cache.ts) once rendered. Besides one address hit again and again, the catalog is measured
 * over many addresses (1,000 items; list pages by agency and page) in turn, after one visit to each (a portal
 * in steady state), and the cost of a first render (a page not in the cache) is printed per page kind.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export default async function benchPortal(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'portal-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { port, report, items, agencies } = await new Promise<{
      port: number;
      report: number;
      items: number[];
      agencies: number[];
    }>((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(JSON.parse(String(d))));
      child.once('exit', (code) => reject(new Error(`portal server exited (${code})`)));
    });
    const lists = agencies.flatMap((a) => [1, 2, 3].map((p) => `/catalog?agency=${a}&page=${p}`));
    for (const [name, paths] of [
      ['catalog list /catalog', ['/catalog']],
      [`catalog lists over ${lists.length} addresses`, lists],
      ['catalog item /catalog/:id', [`/catalog/${items[0]}`]],
      [`catalog items over ${items.length} addresses`, items.map((id) => `/catalog/${id}`)],
      ['report list /reports', ['/reports']],
      ['report page /reports/:id', [`/reports/${report}`]],
      ['home /', ['/']],
    ] as const) {
      let next = 0;
      // Each request takes the next address in turn.
      const requests = [{ setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
      const url = `http://127.0.0.1:${port}`;
      // First renders: one visit to each address, one at a time.
      const t0 = performance.now();
      for (const path of paths) await (await fetch(`${url}${path}`)).arrayBuffer();
      const firstMs = (performance.now() - t0) / paths.length;
      await autocannon({ url, requests, connections: 10, duration: 1 }); // warm-up
      const result = await autocannon({ url, requests, connections: 200, duration: 5 });
      console.log(
        `portal ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}; first render ${firstMs.toFixed(1)} ms a page (target p99 < 100 ms at 200 connections)`,
      );
    }
  } finally {
    child.kill();
  }
}
