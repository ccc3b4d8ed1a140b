/**
 * The annual report as years pile up (issue #18): the county report of one year over the demo's ~100,000 cases,
 * then over ~1,000,000 — the same cases copied into nine earlier four-year spans (all closed), as a county's
 * decades or a city's few years would hold. Target: on the server under 100 ms at 1,000,000 and within 2× of
 * its time at 100,000; on PGlite under 300 ms. Before the counts were kept beside the cases (case_tallies) the
 * report scanned the cases: 63 ms and 99 ms on the server (1.57×). With them, 2026-12-04 at load average 15 on
 * 2 cores (seven other jobs running): PGlite 310 → 373 ms (1.20×), server 106 → 129 ms (1.21×); of the rest,
 * section 二 (the catalog, constant here) was the larger part: its monthly figures sent row by row and summed in
 * JavaScript. With section 二 from catalog_tallies, the figures summed in the database, the subtree read once and
 * the queries sent together, 2026-12-04: PGlite 43 → 37 ms (load 4.4), server 17 → 20 ms (1.18×, load 3.9);
 * measured side by side at load ~9 over the same 1,010,080 cases, PGlite 298 → 35 ms and the server 111 → 19 ms
 * (best of runs). PGlite first (minutes to load), then the server when DATABASE_URL names one.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { agencyAndSubtree, subtreeIds } from '../src/agencies/tree.ts';
import { computeCaseSections } from '../src/cases/report-sections.ts';
import { computeCatalogSection } from '../src/catalog/report-section.ts';
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { loadDemo } from '../src/demo/county.ts';
import { templateForYear } from '../src/report/templates/index.ts';
import { computeAgencyReport } from '../src/reports/compute.ts';
import { openBenchDb } from './bench-db.ts';

async function bestOf(f: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return Math.min(...times);
}

/** The whole report, and each part of it alone: the subtree, section 二 (catalog), sections 三/四 (cases). */
async function timeParts(db: Db) {
  const scope = { agencyIds: await subtreeIds(db, 1), year: 2025, format: templateForYear(2025) };
  return {
    whole: await bestOf(() => computeAgencyReport(db, { agencyId: 1, year: 2025, subtree: true })),
    subtree: await bestOf(() => agencyAndSubtree(db, 1)),
    catalog: await bestOf(() => computeCatalogSection(db, scope)),
    cases: await bestOf(() => computeCaseSections(db, scope)),
  };
}

const parts = (p: Awaited<ReturnType<typeof timeParts>>) =>
  `subtree ${p.subtree.toFixed(1)} ms, section 二 ${p.catalog.toFixed(1)} ms, 三/四 ${p.cases.toFixed(1)} ms alone`;

/** Copies every case `years` earlier, closed, with its own tracking code. */
async function copyEarlier(db: Db, years: number, tag: number): Promise<void> {
  const columns = (await db.execute(
    sql`select column_name, data_type from information_schema.columns where table_name = 'cases' and table_schema = current_schema() order by ordinal_position`,
  )) as unknown as { rows: { column_name: string; data_type: string }[] };
  const names: string[] = [];
  const values: string[] = [];
  for (const { column_name: c, data_type: type } of columns.rows) {
    if (c === 'id') continue;
    names.push(`"${c}"`);
    if (c === 'tracking_code') values.push(`tracking_code || '${tag}'`);
    else if (c === 'state') values.push(`'replied'`);
    else if (c === 'closed_on') values.push(`coalesce(closed_on, received_on + 15) - interval '${years} years'`);
    else if (c === 'outcome') values.push(`coalesce(outcome, 'granted')`);
    else if (type === 'date') values.push(`"${c}" - interval '${years} years'`);
    else values.push(`"${c}"`);
  }
  await db.execute(
    sql.raw(
      `insert into cases (${names.join(', ')}) select ${values.join(', ')} from cases where length(tracking_code) = 10`,
    ),
  );
}

/** The county report of 2025 over the demo's cases, then over ten times the history; the figures printed. */
async function measure(label: string, url: string | undefined): Promise<void> {
  const { db, close } = await openBenchDb('gk_history', url);
  try {
    const started = performance.now();
    const loaded = await loadDemo({ db, clock: fixedClock('2026-11-23') }, { perYear: 26_000, fromYear: 2023 });
    await db.execute(sql`analyze cases`);
    const base = await timeParts(db);
    for (let k = 1; k <= 9; k++) await copyEarlier(db, 4 * k, k);
    await db.execute(sql`analyze cases`);
    await db.execute(sql`analyze case_tallies`);
    const [{ n }] = (
      (await db.execute(sql`select count(*)::int as n from cases`)) as unknown as { rows: { n: number }[] }
    ).rows;
    const grown = await timeParts(db);
    const target = label === 'PostgreSQL' ? 100 : 300;
    console.log(
      `report history (${label}): county report of 2025 at ${loaded.cases} cases ${base.whole.toFixed(0)} ms (${parts(base)}); at ${n} cases ${grown.whole.toFixed(0)} ms (${parts(grown)}; ${(grown.whole / base.whole).toFixed(2)}×; target < ${target} ms and ≤ 2×; loaded in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
  } finally {
    await close();
  }
}

export default async function benchReportHistory(): Promise<void> {
  await measure('PGlite', undefined);
  if (config.databaseUrl) await measure('PostgreSQL', config.databaseUrl);
  else console.log('report history (PostgreSQL): skipped (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
}
