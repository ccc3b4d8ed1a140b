/**
 * Scale-out (issue #18): one `gongkai serve` against two behind nginx, on one PostgreSQL database with the
 * demo county, pages rendered fresh (catalog items at distinct addresses: the page cache never answers).
 * Printed: requests/s and CPU per request of the server tier (the instances and nginx, from /proc, less what each
 * spends idle), each
 * configuration in the same run. On a machine shared with other work, requests/s move with the others' load;
 * CPU per request does not, so the capacity of two instances on two cores is also given from it:
 * one instance is one thread, at most 1000 ms/s ÷ its CPU per request; two on two cores, 2000 ÷ theirs.
 * Target: two ≥ 1.6× one. On the server only (DATABASE_URL), with nginx installed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { and, eq, lte } from 'drizzle-orm';
import { type RunningServer, startServer } from '../src/cli/testing-process.ts';
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { loadDemo } from '../src/demo/county.ts';
import { NGINX, startNginx } from '../src/testing/nginx.ts';
import { openBenchDb } from './bench-db.ts';

const DURATION_S = 8;
const CONNECTIONS = 64;
const TICK_MS = 1000 / 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

/** CPU time (ms) one thread has used: a process's main thread is the one JavaScript runs on. */
function threadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU time (ms) a process and its children (nginx's workers) have used. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime, stime, cutime, cstime are fields 14–17 of stat; here counted from field 3 (state) as 0.
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  let total = (utime + stime) * TICK_MS;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  for (const child of children ? children.split(' ') : []) total += cpuMs(Number(child));
  return total;
}

/** Requests made so far: every address is new to every configuration measured after another. */
let n = 0;

/** `instances`: how many of `pids` are instances sharing the requests (the first one's thread is read). */
async function measure(url: string, items: number[], pids: number[], seconds = DURATION_S, instances = 1) {
  // Each request a catalog item at an address never asked before: rendered fresh, as a crawler asks.
  const requests = [
    { setupRequest: (req: object) => ({ ...req, path: `/catalog/${items[n % items.length]}?v=${n++}` }) },
  ];
  const headers = { 'accept-encoding': 'br, gzip' };
  await autocannon({ url, headers, requests, connections: 8, duration: 2 }); // warm-up
  // What each process spends doing nothing asked of it (pg-boss polling, timers), counted over 3 s and taken
  // off: with fewer requests each, two instances would otherwise look dearer a request than they are.
  const idleFrom = pids.map(cpuMs);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idlePerSecond = pids.map((pid, i) => (cpuMs(pid) - idleFrom[i]) / 3);
  const before = pids.map(cpuMs);
  const mainFrom = threadCpuMs(pids[0]);
  const result = await autocannon({ url, headers, requests, connections: CONNECTIONS, duration: seconds });
  const used = pids.map((pid, i) => Math.max(0, cpuMs(pid) - before[i] - idlePerSecond[i] * seconds));
  const total = result.requests.total;
  const mainUsed = threadCpuMs(pids[0]) - mainFrom;
  return {
    rps: total / seconds,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuPerRequest: used.reduce((a, b) => a + b, 0) / Math.max(1, total),
    /** The first process's JavaScript thread alone (compression and GC run on other threads). */
    mainThreadPerRequest: mainUsed / Math.max(1, total / instances),
    used,
  };
}

export default async function benchScaleOut(): Promise<void> {
  if (!config.databaseUrl || !NGINX) {
    console.log('scale-out: skipped (needs DATABASE_URL, a PostgreSQL server, and nginx)');
    return;
  }
  const bench = await openBenchDb('bench_scaleout', config.databaseUrl);
  const url = new URL(config.databaseUrl);
  url.pathname = `/bench_scaleout_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-scale-'));
  const servers: RunningServer[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    const t0 = performance.now();
    await loadDemo({ db: bench.db, clock: fixedClock('2026-11-23T10:00:00+08:00') }, { perYear: 60 });
    const items = (
      await bench.db
        .select({ id: catalogItems.id })
        .from(catalogItems)
        .where(and(eq(catalogItems.state, 'published'), lte(catalogItems.publishedOn, '2026-11-23')))
        .limit(500)
    ).map((r) => r.id);
    console.log(
      `scale-out: demo county loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${items.length} items`,
    );
    const env = {
      DATABASE_URL: url.toString(),
      GONGKAI_TRUSTED_PROXIES: '1',
      HOST: '127.0.0.1',
    };
    for (const name of ['a', 'b']) servers.push(await startServer(join(dir, name), [], env));
    const [a, b] = servers;
    const pid = (s: { child: ChildProcess }) => s.child.pid ?? 0;
    console.log(
      `scale-out: ${cpus().length} cores, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} (others' work included)`,
    );

    // Both instances warmed alike first (JIT, the agency tree and report caches): a cold instance spends twice the
    // CPU a request, which a first run of this bench showed as a false difference between configurations.
    for (const server of [a, b]) await measure(server.url, items, [pid(server)], 6);
    const one = await measure(a.url, items, [pid(a)]);
    const oneNginx = await startNginx([`127.0.0.1:${a.port}`]);
    const oneBehind = await measure(oneNginx.url, items, [pid(a), pid(oneNginx)]);
    await oneNginx.stop();
    nginx = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
    const two = await measure(nginx.url, items, [pid(a), pid(b), pid(nginx)], DURATION_S, 2);
    // Once more at the end: how far the others' load moved the figures during the run.
    const oneAgain = await measure(a.url, items, [pid(a)]);

    const line = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
      console.log(
        `scale-out ${name}: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms, errors ${m.errors}, CPU ${m.cpuPerRequest.toFixed(2)} ms a request, of it ${m.mainThreadPerRequest.toFixed(2)} ms on an instance's JavaScript thread (${m.used.map((u) => `${(u / 1000).toFixed(1)} s`).join(' + ')})`,
      );
    line('one instance, direct', one);
    line('one instance behind nginx', oneBehind);
    line('two instances behind nginx', two);
    line('one instance, direct, again at the end', oneAgain);
    // Behind the same proxy both ways. One instance runs its JavaScript on one thread (at most one core; brotli
    // and GC on other threads): its capacity is the lesser of 1000 ms ÷ that thread's CPU a request and the two
    // cores ÷ its whole CPU a request. Two instances have the two cores: 2000 ms ÷ their CPU a request.
    const capacityOne = Math.min(1000 / oneBehind.mainThreadPerRequest, 2000 / oneBehind.cpuPerRequest);
    const capacityTwo = 2000 / two.cpuPerRequest;
    console.log(
      `scale-out: measured ${(two.rps / oneBehind.rps).toFixed(2)}× requests/s against one behind nginx (under the others' load); capacity from CPU per request ${capacityOne.toFixed(0)} → ${capacityTwo.toFixed(0)} req/s, ${(capacityTwo / capacityOne).toFixed(2)}× (target ≥ 1.6×; the database's own CPU not counted, the same work in both)`,
    );
    console.log(
      `scale-out: load average after ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await nginx?.stop();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited.catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
    await bench.close();
  }
}
