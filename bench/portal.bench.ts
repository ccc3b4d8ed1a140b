/**
 * The portal under load on the demo county: 200 concurrent connections on the list and item pages (catalog
 * and annual reports) for a few seconds each, against localhost (autocannon), the server in its own process
 * as in production. Target: p99 under 50 ms (issue #18; issue #19 had said 100). Visitors are not signed in,
 * so pages come from the page cache (src/web/page-cache.ts) once rendered. Besides one address hit again and
 * again, the catalog is measured over many addresses (1,000 items; list pages by agency and page) in turn, after
 * one visit to each (a portal in steady state), and so are the annual reports (every published one), and the
 * cost of a first render (a page not in the cache) is printed per page kind. Requests say what a browser says:
 * `Accept-Encoding: gzip, deflate, br`, so pages come compressed as visitors get them; the bytes sent per page
 * are printed beside the figures.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { firstJsonLine } from './first-line.ts';

/** What Chromium sends with every page request. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

export default async function benchPortal(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'portal-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { port, reports, items, agencies } = await firstJsonLine<{
      port: number;
      reports: number[];
      items: number[];
      agencies: number[];
    }>(child);
    const lists = agencies.flatMap((a) => [1, 2, 3].map((p) => `/catalog?agency=${a}&page=${p}`));
    const reportPaths = reports.map((id) => `/reports/${id}`);
    for (const [name, paths, headers = BROWSER] of [
      ['catalog list /catalog', ['/catalog']],
      [`catalog lists over ${lists.length} addresses`, lists],
      ['catalog item /catalog/:id', [`/catalog/${items[0]}`]],
      [`catalog items over ${items.length} addresses`, items.map((id) => `/catalog/${id}`)],
      ['report list /reports', ['/reports']],
      ['report page /reports/:id', [`/reports/${reports[0]}`]],
      [`report pages over ${reports.length} addresses`, reportPaths],
      // A client that takes no compression (not a browser) gets the page as rendered.
      [`report pages over ${reports.length} addresses, uncompressed`, reportPaths, {}],
      ['home /', ['/']],
    ] as [string, string[], Record<string, string>?][]) {
      let next = 0;
      // Each request takes the next address in turn.
      const requests = [{ setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
      const url = `http://127.0.0.1:${port}`;
      // First renders: one visit to each address, one at a time.
      const t0 = performance.now();
      for (const path of paths) await (await fetch(`${url}${path}`)).arrayBuffer();
      const firstMs = (performance.now() - t0) / paths.length;
      await autocannon({ url, headers, requests, connections: 10, duration: 1 }); // warm-up
      const result = await autocannon({ url, headers, requests, connections: 200, duration: 5 });
      const kb = result.throughput.total / Math.max(1, result.requests.total) / 1024;
      console.log(
        `portal ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}, ${kb.toFixed(1)} KB a response; first render ${firstMs.toFixed(1)} ms a page (${headers === BROWSER ? 'target p99 < 50 ms at 200 connections' : 'no target: not what a browser asks for; bound by this process reading 40 KB bodies'})`,
      );
    }
    await underAttack(port, child.pid ?? 0, items);
  } finally {
    child.kill();
  }
}

/** The server's resident memory, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Issue #19: load held while hostile uploads run. Four anonymous clients each stream a 1 GB chunked body to a
 * path that does not exist, while 200 connections read catalog items; printed: the visitors' p99 and errors,
 * how far each attacker got before the server refused it, and the server's memory before and at its peak.
 */
async function underAttack(port: number, pid: number, items: number[]): Promise<void> {
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 50);
  const attack = () =>
    new Promise<number>((resolve) => {
      let sent = 0;
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/no/such/upload',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
      });
      const done = () => resolve(sent);
      req.on('response', (res) => {
        res.resume();
        req.destroy();
        done();
      });
      req.on('error', done);
      req.on('close', done);
      const pump = () => {
        while (sent < 1024 ** 3) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
  let next = 0;
  const requests = [{ setupRequest: (req: object) => ({ ...req, path: `/catalog/${items[next++ % items.length]}` }) }];
  const [load, ...sent] = await Promise.all([
    autocannon({ url: `http://127.0.0.1:${port}`, headers: BROWSER, requests, connections: 200, duration: 5 }),
    attack(),
    attack(),
    attack(),
    attack(),
  ]);
  clearInterval(sampler);
  console.log(
    `portal under attack (4 × 1 GB chunked bodies to a missing path while 200 connections read items): p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}; each attacker refused after ${sent.map((b) => `${(b / 1024 / 1024).toFixed(0)} MiB`).join(', ')} sent; server memory ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB (target: growth < 64 MiB, p99 < 100 ms)`,
  );
}
