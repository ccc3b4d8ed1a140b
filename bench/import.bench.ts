/**
 * Importing published reports (issue #18): 10,000 generated reports written to disk, read in worker threads,
 * checked and stored in bulk with an audit event each (src/reports/actions/import-files.ts), then browsable;
 * on PGlite, and on the PostgreSQL server when DATABASE_URL is set. Target: under 30 s. The baseline of the
 * same run is one job on the first 2,000 files, scaled; the load average and the CPU time (this process and, on
 * a local server, PostgreSQL) are printed beside. `--only=postgres` skips PGlite; `--n=2000` imports fewer files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import { auditEvents } from '../src/db/schema/audit.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { corpusCase } from '../src/extract/corpus/generate.ts';
import { expandInputs } from '../src/extract/inputs.ts';
import { importFiles } from '../src/reports/actions/import-files.ts';
import { createSite } from '../src/web/site.ts';
import { cpuSince, cpuStart, openBenchDb } from './bench-db.ts';

const clock = fixedClock('2026-03-01');

async function run(label: string, url: string | undefined, dir: string, n: number): Promise<void> {
  const jobs = availableParallelism();
  const baselineN = Math.min(n, 2_000);
  const base = await openBenchDb('gk_import_base', url);
  const t0 = performance.now();
  await importFiles(
    { db: base.db, now: () => clock.now() },
    { paths: [...expandInputs([dir])].slice(0, baselineN), jobs: 1 },
  );
  const baselineMs = ((performance.now() - t0) / baselineN) * n;
  await base.close();

  const { db, close } = await openBenchDb('gk_import', url);
  const loadBefore = loadavg()[0];
  const cpu = cpuStart(url !== undefined);
  const start = performance.now();
  const { stored } = await importFiles({ db, now: () => clock.now() }, { paths: expandInputs([dir]), jobs });
  const ms = performance.now() - start;
  const used = cpuSince(cpu);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(annualReports);
  const [{ events }] = await db
    .select({ events: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(sql`${auditEvents.action} = 'report.imported'`);
  const site = createSite({ db, clock, secret: 'bench', log: () => {} });
  const t = performance.now();
  const page = await site.request('/data?year=2022');
  const browseMs = performance.now() - t;
  console.log(
    `import ${label}: ${count} reports (${stored} stored, ${events} audit events) in ${(ms / 1000).toFixed(1)} s with ${jobs} jobs, against ${(baselineMs / 1000).toFixed(1)} s for one job (scaled from ${baselineN}) (target < 30 s; ${used}; load ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on 2 cores); /data?year=2022 answered ${page.status} in ${browseMs.toFixed(0)} ms`,
  );
  await close();
}

/** `--only=pglite` or `--only=postgres` runs one of the two; `--n=2000` imports fewer files. */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export default async function benchImport(): Promise<void> {
  const n = Number(arg('n') ?? 10_000);
  const only = arg('only');
  const dir = mkdtempSync(join(tmpdir(), 'gk-import-'));
  for (let i = 0; i < n; i++) {
    const c = await corpusCase(i, (['tabs', 'html', 'one-per-line'] as const)[i % 3], 'none');
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${c.name}`), c.bytes);
  }
  try {
    if (only !== 'postgres') await run('PGlite', undefined, dir, n);
    if (only === 'pglite') return;
    if (config.databaseUrl) await run('PostgreSQL', config.databaseUrl, dir, n);
    else console.log('import PostgreSQL: skipped (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
