import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, seedGoldDir } from '../../testing/paths.ts';

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gongkai check', () => {
  it('exits 1 and names the rule for seed 000', () => {
    const r = gongkai('check', join(seedGoldDir, '000_6e3b6fbd91fc059e.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('old.apply.answered_vs_completed');
    expect(r.out).toContain('「申请答复数」（31');
    expect(r.out).toContain('「申请办结数」（17');
  });

  it('exits 1 for hongze 2023 with its two errors in --json', () => {
    const r = gongkai('check', join(samplesDir, 'gold', 'hongze-2023.json'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).map((f: { rule: string }) => f.rule)).toEqual([
      'new.review_sum',
      'new.litigation.after_review_sum',
    ]);
  });

  it.each([
    ['not JSON', '{"format": "old2008",', '不是有效的 JSON'],
    ['a missing file', null, '无法读取文件'],
  ])('refuses %s with exit 2 and one line', (_name, content, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    const file = join(dir, 'r.json');
    if (content !== null) writeFileSync(file, content);
    const r = gongkai('check', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(text);
  });

  it('exits 0 for seeds 001–004 and prints the findings as JSON with --json', () => {
    for (const seed of [
      '001_75263946f453c9d5',
      '002_4aa25779e377b147',
      '003_dcb72101f199030d',
      '004_f86300e4f88928ae',
    ]) {
      const r = gongkai('check', join(seedGoldDir, `${seed}.json`), '--json');
      expect(r.code, seed).toBe(0);
      expect(JSON.parse(r.out).filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    }
  });

  it('refuses bad input with one line and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'new2021', year: 2022, values: { 'apply.bogus': 1 } }));
    const r = gongkai('check', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('values["apply.bogus"]');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('runs the cross-year rules with --previous', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    const prev = join(dir, 'p.json');
    const cur = join(dir, 'c.json');
    writeFileSync(prev, JSON.stringify({ format: 'new2021', year: 2022, values: { 'apply.carried_over.total': 4 } }));
    writeFileSync(cur, JSON.stringify({ format: 'new2021', year: 2023, values: { 'apply.carried_in.total': 1 } }));
    const r = gongkai('check', cur, '--previous', prev, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((f: { rule: string }) => f.rule)).toEqual(['cross.apply.carry']);
  });
});

describe('gongkai check --previous', () => {
  it('refuses a previous report that is not of the year before, in one line', () => {
    const r = gongkai(
      'check',
      join(samplesDir, 'gold', 'hongze-2023.json'),
      '--previous',
      join(samplesDir, 'gold', 'hongze-2024.json'),
    );
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('上一年度（2022年度）');
  });

  it('runs hongze 2024 against 2023: no cross-year finding, exit 0', () => {
    const r = gongkai(
      'check',
      join(samplesDir, 'gold', 'hongze-2024.json'),
      '--previous',
      join(samplesDir, 'gold', 'hongze-2023.json'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现勾稽关系问题');
  });
});

describe('gongkai schema', () => {
  it('prints the committed schema', () => {
    const r = gongkai('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(repoRoot, 'schema/report.schema.json'), 'utf8')));
  });
});

describe('gongkai render', () => {
  it.each(['html', 'docx', 'xlsx'])('writes %s', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-'));
    const out = join(dir, `r.${format}`);
    const r = gongkai('render', join(seedGoldDir, '002_4aa25779e377b147.json'), '--format', format, '-o', out);
    expect(r.code, r.err).toBe(0);
    const bytes = readFileSync(out);
    if (format === 'html')
      expect(bytes.toString()).toContain('南充市高坪区人民政府办公室2019年政府信息公开工作年度报告');
    else expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown format in one line', () => {
    const r = gongkai('render', join(seedGoldDir, '002_4aa25779e377b147.json'), '--format', 'pdf', '-o', '/tmp/x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format');
  });
});
