/**
 * A batch extraction spread over worker processes (issue #18): two real `gongkai worker` processes on one
 * PostgreSQL database take the chunks of one batch from the queue; every file is done once, by one of them,
 * and its result stored. On the server only (the queue is pg-boss); on PGlite there is one process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { config } from '../config.ts';
import { extractionResults } from '../db/schema/batches.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { corpusCase } from '../extract/corpus/generate.ts';
import { repoRoot } from '../testing/paths.ts';
import { batchProgress } from './batch-progress.ts';
import { openExtractionQueue } from './queue.ts';
import { submitExtraction } from './submit-extraction.ts';

let t: TestDb;
let dir: string;
let boss: PgBoss;
const workers: { child: ChildProcess; lines: string[]; exited: Promise<void> }[] = [];

/** `gongkai worker` as a process of its own on the test database; resolves once it listens on the queue. */
function startWorkerProcess(): Promise<(typeof workers)[number]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'worker'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'info' },
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let rest = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
      if (parts.some((line) => line.includes('worker listening'))) resolve({ child, lines, exited });
    });
    void exited.then(() => reject(new Error(`gongkai worker exited: ${lines.join('\n')}`)));
  });
}

beforeAll(async () => {
  if (!config.databaseUrl) return;
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
  boss = await openExtractionQueue(t.url ?? '', () => {});
}, 60_000);

afterAll(async () => {
  for (const worker of workers) {
    worker.child.kill('SIGTERM');
    await worker.exited;
  }
  await boss?.stop({ graceful: false });
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 90_000);

describe.runIf(config.databaseUrl)('a batch extraction taken by two worker processes', () => {
  it('every file is done once, by one of the two, and its result stored', async () => {
    const sources: string[] = [];
    for (let i = 0; i < 18; i++) {
      const one = await corpusCase(i, i % 2 ? 'tabs' : 'html', 'none');
      const path = join(dir, `${String(i).padStart(2, '0')}.${i % 2 ? 'txt' : 'html'}`);
      writeFileSync(path, one.bytes);
      sources.push(path);
    }
    // Two files no one can read: stored as unreadable with the reason, not retried for ever.
    for (const name of ['broken.pdf', 'empty.docx']) {
      writeFileSync(join(dir, name), name === 'broken.pdf' ? '%PDF-1.7 not really' : '');
      sources.push(join(dir, name));
    }
    workers.push(...(await Promise.all([startWorkerProcess(), startWorkerProcess()])));
    const { batchId, chunks } = await submitExtraction(
      { db: t.db, clock: systemClock, boss },
      { sources, chunkFiles: 2 },
    );
    expect(chunks).toBe(10);

    const since = Date.now();
    let progress = await batchProgress(t.db, batchId);
    while (progress.done < sources.length && Date.now() - since < 180_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      progress = await batchProgress(t.db, batchId);
    }
    console.log(`batch: ${progress.done} files in ${Date.now() - since} ms`, progress.byWorker);
    expect(progress).toMatchObject({ files: 20, done: 20, read: 18, unreadable: 2 });
    // Both workers took chunks of it.
    expect(Object.keys(progress.byWorker)).toHaveLength(2);

    // Each file once: the chunks the two logged between them hold every file exactly once.
    const taken = () =>
      workers.flatMap((w) =>
        w.lines
          .filter((line) => line.includes('批量抽取：完成一组'))
          .flatMap((line) => (JSON.parse(line) as { sources: string[] }).sources),
      );
    // The last chunk's line is written just after its results.
    for (let i = 0; taken().length < sources.length && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
    expect(taken().sort()).toEqual([...sources].sort());
    const stored = await t.db.select().from(extractionResults).where(eq(extractionResults.batchId, batchId));
    const read = stored.find((row) => row.source === sources[1]);
    expect(read?.status).toBe('read');
    expect((read?.output as { year?: number } | undefined)?.year).toBe((await corpusCase(1, 'tabs', 'none')).year);
    expect(stored.find((row) => row.source.endsWith('broken.pdf'))?.reason).toBeTruthy();
  }, 240_000);
});
