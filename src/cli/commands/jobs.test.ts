import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/paths.ts';

const gongkai = (...args: string[]) => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-jobs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gongkai jobs', () => {
  it('lists the schedule with each job’s next run', () => {
    const r = gongkai('jobs');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^办理期限提醒（reminder-sweep）：0 8-18 \* \* \*（Asia\/Shanghai），下次 \d{4}-\d\d-\d\d \d\d:00$/m,
    );
    expect(r.out).toMatch(
      /^清理过期会话（session-purge）：30 3 \* \* \*（Asia\/Shanghai），下次 \d{4}-\d\d-\d\d 03:30$/m,
    );
    expect(r.out).toMatch(
      /^检查指标自查（standards-self-check）：0 7 \* \* 1（Asia\/Shanghai），下次 \d{4}-\d\d-\d\d 07:00$/m,
    );
  });

  it('runs a job once now, and refuses a name it does not know', () => {
    const r = gongkai('jobs', 'run', 'session-purge', '--data', dataDir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^清理过期会话：完成 \{"job":"session-purge","purged":0,"rateCounters":0,"ms":\d+\}$/m);
    const unknown = gongkai('jobs', 'run', 'nope', '--data', dataDir);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain(
      '没有这个定时任务：nope（可用：reminder-sweep、session-purge、standards-self-check、database-upkeep）',
    );
  });
});
