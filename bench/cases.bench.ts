/**
 * The annual report of the demo county computed over 100,000 cases: on PGlite, and on the PostgreSQL
 * server when DATABASE_URL names one (read through src/config.ts; a scratch database is created there and dropped) (targets: under 2 s and under 0.5 s).
 */
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import { loadDemo } from '../src/demo/county.ts';
import { computeAgencyReport } from '../src/reports/compute.ts';
import { openBenchDb } from './bench-db.ts';

async function run(label: string, url: string | undefined): Promise<void> {
  const { db, close } = await openBenchDb('gk_bench', url, 'memory://');
  try {
    const t0 = performance.now();
    const loaded = await loadDemo({ db, clock: fixedClock('2026-11-23') }, { perYear: 26_000, fromYear: 2023 });
    const loadMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await computeAgencyReport(db, { agencyId: 1, year: 2025, subtree: true });
      times.push(performance.now() - t);
    }
    const best = Math.min(...times);
    console.log(
      `cases ${label}: ${loaded.cases} cases loaded in ${(loadMs / 1000).toFixed(1)} s; county annual report (sections 三/四, 61 units) in ${best.toFixed(0)} ms (runs: ${times.map((x) => x.toFixed(0)).join(', ')} ms; target ${label === 'PGlite' ? '< 2,000' : '< 500'} ms)`,
    );
  } finally {
    await close();
  }
}

export default async function benchCases(): Promise<void> {
  await run('PGlite', undefined);
  const server = config.databaseUrl;
  if (server) await run('PostgreSQL', server);
  else console.log('cases PostgreSQL: skipped (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
}
