import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/paths.ts';

const gongkai = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-migrate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Two real processes, each opening PGlite (the first runs initdb): minutes on a loaded machine, not 30 s.
describe('gongkai migrate', { timeout: 180_000 }, () => {
  it('creates the tables and seeds the calendar; a second run changes nothing', () => {
    const first = gongkai('migrate', '--data', dataDir);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`数据库已更新：PGlite（${dataDir}）`);
    expect(first.out).toMatch(/工作日历补入 \d+ 年：2004—\d{4}/);
    expect(first.out).toContain('答复期限按现行规则核对 0 件：0 件变更');
    const second = gongkai('migrate', '--data', dataDir);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('工作日历无需补入');
    expect(second.out).toContain('年度报告统计计数：与办理记录一致');
    expect(second.out).toContain('主动公开统计计数：与目录信息一致');
  });
});
