/**
 * Importing published reports: 10,000 generated reports written to disk, extracted, checked and stored
 * (PGlite), then browsable. Target: under 60 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { migrateDb, openDb } from '../src/db/client.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { runBatch } from '../src/extract/batch.ts';
import { corpusCase } from '../src/extract/corpus/generate.ts';
import { expandInputs } from '../src/extract/inputs.ts';
import type { ExtractionOutput } from '../src/extract/pipeline.ts';
import { importReports } from '../src/reports/actions/import-reports.ts';
import { createSite } from '../src/web/site.ts';

export default async function benchImport(): Promise<void> {
  const n = 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'gk-import-'));
  for (let i = 0; i < n; i++) {
    const c = await corpusCase(i, (['tabs', 'html', 'one-per-line'] as const)[i % 3], 'none');
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${c.name}`), c.bytes);
  }
  const { db, close } = await openDb({ dataDir: 'memory://' });
  await migrateDb(db);
  const clock = fixedClock('2026-03-01');
  const start = performance.now();
  let batch: ExtractionOutput[] = [];
  const pending: Promise<unknown>[] = [];
  const flush = () => {
    if (batch.length) pending.push(importReports({ db, now: clock.now() }, { actorId: null, outputs: batch }));
    batch = [];
  };
  await runBatch(expandInputs([dir]), (out) => {
    batch.push(out);
    if (batch.length >= 500) flush();
  });
  flush();
  await Promise.all(pending);
  const ms = performance.now() - start;
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(annualReports);
  const site = createSite({ db, clock, secret: 'bench', log: () => {} });
  const t = performance.now();
  const page = await site.request('/data?year=2022');
  const browseMs = performance.now() - t;
  console.log(
    `import: ${count} reports extracted, checked and stored in ${(ms / 1000).toFixed(1)} s (target < 60 s); /data?year=2022 answered ${page.status} in ${browseMs.toFixed(0)} ms`,
  );
  await close();
  rmSync(dir, { recursive: true, force: true });
}
