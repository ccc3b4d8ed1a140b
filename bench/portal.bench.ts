/**
 * The portal under load on the demo county: 200 concurrent connections on the list and item pages (catalog
 * and annual reports) for a few seconds each,
 * against localhost (autocannon), the server in its own process as in production. Target: p99 under 100 ms.
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
    const { port, report, item } = await new Promise<{ port: number; report: number; item: number }>(
      (resolve, reject) => {
        child.stdout.once('data', (d) => resolve(JSON.parse(String(d))));
        child.once('exit', (code) => reject(new Error(`portal server exited (${code})`)));
      },
    );
    for (const [name, path] of [
      ['catalog list /catalog', '/catalog'],
      ['catalog item /catalog/:id', `/catalog/${item}`],
      ['report list /reports', '/reports'],
      ['report page /reports/:id', `/reports/${report}`],
      ['home /', '/'],
    ] as const) {
      await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 1 }); // warm-up
      const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 200, duration: 5 });
      console.log(
        `portal ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx} (target p99 < 100 ms at 200 connections)`,
      );
    }
  } finally {
    child.kill();
  }
}
