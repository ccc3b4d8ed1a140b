import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/paths.ts';

const gongkai = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gongkai deadline', () => {
  it('prints the due date and its explanation as JSON', () => {
    const r = gongkai('deadline', '--received', '2025-09-26', '--pause', '2025-10-13:2025-10-17', '--extend');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.firstDue).toBe('2025-11-06');
    expect(out.due).toBe('2025-12-04');
    expect(out.explanation.join('')).toContain('征求');
  });

  it('defaults to the 2007 regime before 2019-05-15', () => {
    const out = JSON.parse(gongkai('deadline', '--received', '2018-03-01').out);
    expect(out).toMatchObject({ regime: '2007', due: '2018-03-22' });
  });

  it('names the missing calendar year', () => {
    const r = gongkai('deadline', '--received', '2026-12-20');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('2027');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad pause in one line', () => {
    const r = gongkai('deadline', '--received', '2025-03-03', '--pause', '2025-03-10');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--pause');
  });
});
