/**
 * A batch read by several worker threads hands on the same results as one, in input order, and a file that
 * fails in it loses none of the others.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../testing/paths.ts';
import { type BatchSummary, runBatch } from './batch.ts';
import type { ExtractionOutput } from './pipeline.ts';

let dir: string;
let paths: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  paths = [];
  // Each seed three times under other names, a bad file after every fourth: more files than the window.
  for (let copy = 0; copy < 3; copy++)
    seeds.forEach((seed, i) => {
      const path = join(dir, `${copy}-${seed}`);
      copyFileSync(join(seedsDir, seed), path);
      paths.push(path);
      if ((copy * seeds.length + i) % 4 === 3) {
        const bad = join(dir, `${copy}-${i}-bad.pdf`);
        writeFileSync(bad, 'not a pdf at all');
        paths.push(bad);
      }
    });
  paths.push(join(dir, 'missing.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function batch(jobs: number): Promise<{ outs: ExtractionOutput[]; summary: BatchSummary; progress: number[] }> {
  const outs: ExtractionOutput[] = [];
  const progress: number[] = [];
  const summary = await runBatch(
    paths,
    async (out) => {
      await new Promise((resolve) => setTimeout(resolve, out.source.includes('/1-') ? 5 : 0)); // a slow reader
      outs.push(out);
    },
    (done) => progress.push(done),
    { jobs },
  );
  return { outs, summary, progress };
}

describe('runBatch with worker threads', () => {
  it('gives the same results as one job, in input order, and reports the failing files without losing others', async () => {
    const one = await batch(1);
    const three = await batch(3);
    const good = paths.filter((p) => p.endsWith('.txt') && !p.endsWith('missing.txt'));
    expect(one.outs.map((o) => o.source)).toEqual(good);
    expect(three.outs).toEqual(one.outs);
    expect(three.summary).toEqual(one.summary);
    expect(three.summary.unreadable.map((u) => u.source)).toEqual(
      paths.filter((p) => p.endsWith('.pdf') || p.endsWith('missing.txt')),
    );
    expect(three.summary.read).toBe(good.length);
    expect(three.progress).toEqual(paths.map((_, i) => i + 1));
  });

  it('stops when the output fails, without waiting for the whole batch', async () => {
    let handed = 0;
    const failing = runBatch(
      paths,
      () => {
        if (++handed === 2) throw new Error('输出失败');
      },
      undefined,
      { jobs: 2 },
    );
    await expect(failing).rejects.toThrow('输出失败');
    expect(handed).toBe(2);
  });
});
