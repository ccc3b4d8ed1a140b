import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, realDir, repoRoot, seedGoldDir, seedsDir } from '../../testing/paths.ts';

const gongkai = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gongkai extract', () => {
  it('prints the contract JSON for one file, which gongkai check reads back', () => {
    const file = join(seedsDir, '002_4aa25779e377b147.txt');
    const r = gongkai('extract', file, '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ source: file, format: 'new2019', year: 2019, hasTable: true });
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    writeFileSync(join(dir, 'r.json'), r.out);
    expect(gongkai('check', join(dir, 'r.json')).code).toBe(0);
  });

  it('goes on past a bad file in a directory batch and reports it in the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    copyFileSync(join(seedsDir, '000_6e3b6fbd91fc059e.txt'), join(dir, 'a.txt'));
    copyFileSync(join(seedsDir, '003_dcb72101f199030d.txt'), join(dir, 'b.html'));
    writeFileSync(join(dir, 'c.pdf'), 'not a pdf at all');
    const r = gongkai('extract', dir, '--jsonl');
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.year)).toEqual([2018, 2018]);
    expect(r.err).toContain('读取 2 份报告');
    expect(r.err).toContain('无法读取 1 份');
    expect(r.err).toContain('c.pdf');
  });

  it('--jobs 2 writes what one job writes, in the same order, and refuses a count that is no count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    for (const [i, seed] of [
      '000_6e3b6fbd91fc059e.txt',
      '001_75263946f453c9d5.txt',
      '003_dcb72101f199030d.txt',
    ].entries())
      copyFileSync(join(seedsDir, seed), join(dir, `${i}.txt`));
    writeFileSync(join(dir, '1a.pdf'), 'not a pdf at all');
    const one = gongkai('extract', dir, '--jsonl');
    const two = gongkai('extract', dir, '--jsonl', '--jobs', '2');
    expect(two.code).toBe(1);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
    expect(
      two.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).source),
    ).toEqual(['0.txt', '1.txt', '2.txt'].map((f) => join(dir, f)));
    const bad = gongkai('extract', dir, '--jobs', '0');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--jobs');
  }, 120_000);

  it("--previous lends the same body's report of the year before: its running totals cut the figures run together", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    const before = gongkai('extract', join(realDir, 'pingtan-2014.txt'), '--json');
    expect(before.code, before.err).toBe(0);
    writeFileSync(join(dir, '2014.json'), before.out);
    const file = join(fixturesDir, 'real-corpus', 'pingtan-2015.txt');
    const alone = JSON.parse(gongkai('extract', file, '--json').out);
    expect(alone.values['proactive.total']).toBeUndefined();
    const r = gongkai('extract', file, '--json', '--previous', join(dir, '2014.json'));
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.values['proactive.total']).toBe(2949);
    expect(out.warnings.join('\n')).toContain(
      '按上一年度（2014年）报告的历年累计 78967 加本年度唯一拆分为 2949 | 81916',
    );
    writeFileSync(join(dir, '2015.json'), r.out);
    expect(gongkai('check', join(dir, '2015.json')).code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"values": 1}');
    const bad = gongkai('extract', file, '--previous', join(dir, 'bad.json'));
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('不是 gongkai extract --json 的抽取结果');
  });

  it('--series reads a body’s reports of consecutive years with the years either side, in input order', () => {
    const corpus = join(fixturesDir, 'real-corpus');
    const files = ['pingtan-county-2013', 'pingtan-county-2011', 'pingtan-county-2012'].map((f) =>
      join(corpus, `${f}.txt`),
    );
    const alone = gongkai('extract', ...files, '--jsonl', '--no-progress');
    const r = gongkai('extract', ...files, '--jsonl', '--no-progress', '--series', '--jobs', '2');
    expect(r.code, r.err).toBe(0);
    const read = (out: string) =>
      out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    expect(read(alone.out).map((o) => o.values['proactive.total'])).toEqual([undefined, undefined, undefined]);
    const outs = read(r.out);
    expect(outs.map((o) => o.source)).toEqual(files);
    expect(outs.map((o) => o.values['proactive.total'])).toEqual([1853, 425, 2026]);
    // National tables too: 平潭 2019's 第二十条 rows cut by the 2020 report's 上一年项目数量.
    const national = ['pingtan-2019', 'pingtan-2020'].map((f) => join(corpus, `${f}.txt`));
    const n = gongkai('extract', ...national, '--jsonl', '--no-progress', '--series');
    expect(n.code, n.err).toBe(0);
    expect(read(n.out)[0].values['s20_5.licensing.decisions']).toBe(181);
  });

  it('matches a glob', () => {
    const r = gongkai('extract', `${seedsDir}/00[01]*.txt`.replace('[01]', '?'), '--jsonl');
    expect(r.out.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });

  it('exits non-zero with one line for an unreadable single file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = gongkai('extract', join(dir, 'empty.txt'));
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('empty');
  });

  it('extracts the gold issuer for seed 001', () => {
    const gold = JSON.parse(readFileSync(join(seedGoldDir, '001_75263946f453c9d5.json'), 'utf8'));
    expect(JSON.parse(gongkai('extract', join(seedsDir, '001_75263946f453c9d5.txt'), '--json').out).issuer).toBe(
      gold.issuer,
    );
  });

  it('prints one JSON array for several inputs with --json, written as each file is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    copyFileSync(join(seedsDir, '000_6e3b6fbd91fc059e.txt'), join(dir, 'a.txt'));
    copyFileSync(join(seedsDir, '002_4aa25779e377b147.txt'), join(dir, 'b.txt'));
    writeFileSync(join(dir, 'c.txt'), '');
    const r = gongkai('extract', join(dir, '*.txt'), '--json', '--no-progress');
    const out = JSON.parse(r.out);
    expect(out.map((o: { source: string; year: number }) => [o.source.slice(dir.length + 1), o.year])).toEqual([
      ['a.txt', 2018],
      ['b.txt', 2019],
    ]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('[');
    expect(r.err).toContain('无法读取');
    expect(r.err).toContain('空文件');
  });

  it('prints an empty array when nothing of a batch could be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    writeFileSync(join(dir, 'a.txt'), '');
    writeFileSync(join(dir, 'b.html'), '<p>今天天气很好</p>');
    const r = gongkai('extract', dir, '--json');
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.code).toBe(1);
  });
});
