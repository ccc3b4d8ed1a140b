/**
 * Hostile documents end as unreadable with their reason, within the sandbox's budget, and a batch with them
 * in it reads every other file (issue #19: one DOCX crashed the extractor at 4.6 GB and lost the batch).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox/run.ts';
import { entityBombDocx, fifo, lyingZipBombDocx, sparseText, zipBombDocx } from '../testing/hostile-files.ts';
import { seedsDir } from '../testing/paths.ts';
import { runBatch } from './batch.ts';
import type { ExtractionOutput } from './pipeline.ts';
import { extractFileSandboxed } from './sandboxed.ts';

let dir: string;
const HOSTILE: Record<string, RegExp> = {
  'bomb.docx': /压缩比异常|ZIP 炸弹/,
  'lying-bomb.docx': /实际解压大小超过声明/,
  'entities.docx': /XML 实体/,
  'huge.txt': /文件过大/,
  'pipe.txt': /不是普通文件/,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  writeFileSync(join(dir, 'bomb.docx'), zipBombDocx());
  writeFileSync(join(dir, 'lying-bomb.docx'), lyingZipBombDocx());
  writeFileSync(join(dir, 'entities.docx'), await entityBombDocx());
  sparseText(join(dir, 'huge.txt'));
  fifo(join(dir, 'pipe.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('each hostile document is unreadable, with its reason', () => {
  const sandbox = new Sandbox({ timeoutMs: 5000, memoryMb: 512 });
  afterAll(() => sandbox.close());

  it.each(Object.entries(HOSTILE))('%s', async (name, reason) => {
    await expect(extractFileSandboxed(sandbox, join(dir, name))).rejects.toThrow(reason);
  });

  it('/dev/zero named directly', async () => {
    await expect(extractFileSandboxed(sandbox, '/dev/zero')).rejects.toThrow(/不是普通文件/);
  });

  // The worker reads the file itself (RunOptions.file): what it cannot open is named as the caller named it.
  it('a file that is missing, or a directory', async () => {
    await expect(extractFileSandboxed(sandbox, join(dir, 'missing.txt'))).rejects.toThrow(/文件不存在/);
    await expect(extractFileSandboxed(sandbox, dir)).rejects.toThrow(/是目录/);
  });

  it('a read past its time or its memory is stopped, and the next one gets a fresh worker', async () => {
    const small = new Sandbox({ timeoutMs: 3000, memoryMb: 64 });
    const jobs = new URL('../sandbox/testing-jobs.ts', import.meta.url);
    expect(await small.run(jobs, 'echo', ['准备'])).toBe('准备'); // the worker started before the clock matters
    await expect(small.run(jobs, 'spin', [])).rejects.toThrow(/读取超过 3 秒/);
    expect(await small.run(jobs, 'echo', ['还在'])).toBe('还在');
    await small.close();
    const tight = new Sandbox({ timeoutMs: 60_000, memoryMb: 64 });
    await expect(tight.run(jobs, 'grow', [])).rejects.toThrow(/内存超过 64 MB/);
    expect(await tight.run(jobs, 'echo', ['还在'])).toBe('还在');
    await tight.close();
  });

  // Two jobs are in the worker at once (the next waits there while one runs): each still has the whole
  // budget from when it starts, and a job behind one that is stopped is read by the next worker.
  it('runs jobs posted together one after another, each with its own time, past one that is stopped', async () => {
    const sandbox = new Sandbox({ timeoutMs: 4000, memoryMb: 64 });
    const jobs = new URL('../sandbox/testing-jobs.ts', import.meta.url);
    expect(await sandbox.run(jobs, 'echo', ['准备'])).toBe('准备');
    const both = await Promise.all([sandbox.run(jobs, 'busy', [2500]), sandbox.run(jobs, 'busy', [2500])]);
    expect(both).toEqual([2500, 2500]);
    const [spun, behind] = await Promise.allSettled([
      sandbox.run(jobs, 'spin', []),
      sandbox.run(jobs, 'echo', ['后面']),
    ]);
    expect(spun.status === 'rejected' && String(spun.reason)).toMatch(/读取超过 4 秒/);
    expect(behind).toEqual({ status: 'fulfilled', value: '后面' });
    await sandbox.close();
  });
});

describe('a batch with hostile files in it', () => {
  it('reports each as unreadable with its reason and reads every other file, each handed on as read', async () => {
    const seeds = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(seedsDir, f));
    const paths = [...Object.keys(HOSTILE).map((f) => join(dir, f)), ...seeds, '/dev/zero'];
    paths.splice(2, 0, ...paths.splice(-seeds.length - 1, 2)); // good files between the hostile ones
    const results: ExtractionOutput[] = [];
    const summary = await runBatch(paths, (out) => void results.push(out), undefined, {
      timeoutMs: 20_000,
      memoryMb: 512,
    });
    expect(results.map((r) => r.source).sort()).toEqual(seeds.sort());
    expect(summary.read).toBe(seeds.length);
    expect(summary.unreadable.map((u) => u.source).sort()).toEqual(
      [...Object.keys(HOSTILE).map((f) => join(dir, f)), '/dev/zero'].sort(),
    );
    for (const u of summary.unreadable) {
      const name = u.source.split('/').at(-1)!;
      expect(u.reason).toMatch(HOSTILE[name] ?? /不是普通文件/);
    }
  });
});
