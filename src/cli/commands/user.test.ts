/** `gongkai user` (issue #12): the console's user administration from the server's shell, on PGlite. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../auth/first-admin.ts';
import { login } from '../../auth/session.ts';
import { fixedClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { repoRoot } from '../../testing/paths.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-user-'));
const clock = fixedClock('2026-12-03T10:00:00+08:00');

const gongkai = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The data directory opened in this process, closed before the next command needs it. */
async function withDb<T>(run: (db: Awaited<ReturnType<typeof openDb>>['db']) => Promise<T>): Promise<T> {
  const { db, close } = await openDb({ dataDir, command: 'test' });
  try {
    return await run(db);
  } finally {
    await close();
  }
}

beforeAll(async () => {
  await withDb(async (db) => {
    await migrateDb(db);
    await ensureFirstAdmin({ db, clock });
  });
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gongkai user', () => {
  it('creates a user with a one-time password that signs in and must be changed', async () => {
    const r = gongkai('user', 'create', 'li.na', '--name', '李娜', '--agency', '1', '--role', 'staff');
    expect(r.code, r.err).toBe(0);
    const password = /初始密码：(\S+)（/.exec(r.out)?.[1] ?? '';
    expect(password).toMatch(/^\S{4}-\S{4}-\S{4}$/);
    const session = await withDb((db) => login({ db, clock }, { username: 'li.na', password }));
    expect(session.user.mustChangePassword).toBe(true);
    expect(gongkai('user', 'list').out).toMatch(/^li\.na\t李娜\t本级人民政府\t经办人员\t正常$/m);
  }, 60_000);

  it('disables and resets by name, and names an unknown user in one line', () => {
    expect(gongkai('user', 'disable', 'li.na').out).toContain('已停用 li.na');
    expect(gongkai('user', 'list').out).toMatch(/^li\.na\t.*\t已停用$/m);
    expect(gongkai('user', 'reset-password', 'li.na').out).toMatch(/^li\.na 的新密码：\S{4}-\S{4}-\S{4}/);
    const unknown = gongkai('user', 'reset-password', 'nobody');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('用户不存在：nobody');
  }, 60_000);
});

describe('gongkai agency', () => {
  it('adds a 部门 and its 内设机构, moves the 部门 under another government and lists the tree', () => {
    const gov = gongkai('agency', 'add', '另一县人民政府', '--kind', 'government');
    expect(gov.code, gov.err).toBe(0);
    const govId = /已新增机关 (\d+)/.exec(gov.out)?.[1] ?? '';
    const dept = gongkai('agency', 'add', '本级医疗保障局', '--kind', 'department', '--parent', '1');
    const deptId = /已新增机关 (\d+)/.exec(dept.out)?.[1] ?? '';
    gongkai('agency', 'add', '本级医疗保障局办公室', '--kind', 'office', '--parent', deptId);
    expect(gongkai('agency', 'move', deptId, '--parent', govId).code).toBe(0);
    const listed = gongkai('agency', 'list').out;
    // In path order, indented under the new parent.
    expect(listed).toMatch(
      new RegExp(`^${govId}\\t另一县人民政府\\t人民政府\\t\\n${deptId}\\t  本级医疗保障局\\t`, 'm'),
    );
    expect(listed).toMatch(/^\d+\t {4}本级医疗保障局办公室\t内设机构\t$/m);
    const refused = gongkai('agency', 'move', deptId, '--parent', '');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('部门不能设在顶层之下');
  }, 90_000);
});
