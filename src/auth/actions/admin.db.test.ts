/**
 * User administration (issue #12): the actions behind the console's 用户管理, `gongkai user` and /api/admin,
 * and the sign-in lockout by account (issue #19).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { sessions, users } from '../../db/schema/auth.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { ensureFirstAdmin } from '../first-admin.ts';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../lockout.ts';
import type { SessionUser } from '../roles.ts';
import { login, sessionUser } from '../session.ts';
import { addUser } from './add-user.ts';
import { changeOwnPassword } from './change-own-password.ts';
import { changeUserRole } from './change-user-role.ts';
import { resetPassword } from './reset-password.ts';
import { setUserDisabled } from './set-user-disabled.ts';
import { unlockUser } from './unlock-user.ts';

const clock = fixedClock('2026-12-03T09:00:00+08:00');
const at = (iso: string) => ({ db: t.db, clock: fixedClock(iso) });
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let admin: SessionUser;
let staff: SessionUser;
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  admin = (await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root.admin' })).user;
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' })).user;
});
afterAll(() => t.close());

describe('新增用户: a one-time password, changed at the first sign-in', () => {
  it('creates the account, audited, and its first sign-in must change the password', async () => {
    const made = await addUser(deps(), {
      actor: admin,
      user: { username: 'li.na', displayName: '李娜', agencyId: String(tree.town.id), role: 'staff' },
    });
    expect(made.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const session = await login(deps(), { username: 'li.na', password: made.oneTimePassword });
    expect(session.user.mustChangePassword).toBe(true);
    await changeOwnPassword(deps(), {
      actor: session.user,
      sessionToken: session.token,
      form: { current: made.oneTimePassword, next: 'Xiangzhen-gk-2026', repeat: 'Xiangzhen-gk-2026' },
    });
    const again = await login(deps(), { username: 'li.na', password: 'Xiangzhen-gk-2026' });
    expect(again.user.mustChangePassword).toBeUndefined();
    // The session the change was made in goes on.
    expect(await sessionUser(deps(), session.token)).not.toBeNull();
    const actions = (await listAudit(t.db, { entityType: 'user', entityId: made.user.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.password_changed']));
  });

  it.each([
    ['a staff member', () => staff],
    ['nobody signed in', () => null as unknown as SessionUser],
  ])('is refused to %s', async (_name, actor) => {
    await expect(
      addUser(deps(), {
        actor: actor(),
        user: { username: 'x1', displayName: '某', agencyId: tree.town.id, role: 'admin' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('names each wrong field', async () => {
    const refused = await addUser(deps(), {
      actor: admin,
      user: { username: '王 五', displayName: '', agencyId: '', role: 'boss' },
    }).catch((e) => e);
    expect(Object.keys(refused.details.fields).sort()).toEqual(['agencyId', 'displayName', 'role', 'username']);
    const taken = await addUser(deps(), {
      actor: admin,
      user: { username: 'clerk', displayName: '重名', agencyId: tree.town.id, role: 'staff' },
    }).catch((e) => e);
    expect(taken.details.fields.username).toContain('用户名已存在');
  });
});

describe('修改密码: the password rule, the current password, the repeat', () => {
  it.each([
    ['wrong current password', { current: 'nope-nope-1', next: 'Jiaoyu-gk-2026', repeat: 'Jiaoyu-gk-2026' }, 'current'],
    ['a common password', { current: TEST_PASSWORD, next: 'password1!', repeat: 'password1!' }, 'next'],
    ['repeat differs', { current: TEST_PASSWORD, next: 'Jiaoyu-gk-2026', repeat: 'Jiaoyu-gk-2027' }, 'repeat'],
    ['the same as now', { current: TEST_PASSWORD, next: TEST_PASSWORD, repeat: TEST_PASSWORD }, 'next'],
  ])('%s is refused beside its field', async (_name, form, field) => {
    const refused = await changeOwnPassword(deps(), { actor: staff, form }).catch((e) => e);
    expect(refused.code).toBe('bad_input');
    expect(Object.keys(refused.details.fields)).toEqual([field]);
  });
});

describe('重置密码, 停用, 调整角色', () => {
  it('a reset ends every session, lifts a lock and asks for a new password', async () => {
    const { row } = await makeUser(t.db, { agency: tree.education, username: 'reset.me' });
    const session = await login(deps(), { username: 'reset.me', password: TEST_PASSWORD });
    const { oneTimePassword } = await resetPassword(deps(), { actor: admin, userId: row.id });
    expect(await sessionUser(deps(), session.token)).toBeNull();
    await expect(login(deps(), { username: 'reset.me', password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await login(deps(), { username: 'reset.me', password: oneTimePassword })).user.mustChangePassword).toBe(
      true,
    );
  });

  it('a disabled account signs in no more, its sessions end; enabled again it does', async () => {
    const { row } = await makeUser(t.db, { agency: tree.education, username: 'leaving' });
    const session = await login(deps(), { username: 'leaving', password: TEST_PASSWORD });
    await setUserDisabled(deps(), { actor: admin, userId: row.id, disabled: true });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, row.id))).toEqual([]);
    expect(await sessionUser(deps(), session.token)).toBeNull();
    await expect(login(deps(), { username: 'leaving', password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await setUserDisabled(deps(), { actor: admin, userId: row.id, disabled: false });
    expect((await login(deps(), { username: 'leaving', password: TEST_PASSWORD })).user.id).toBe(row.id);
    await expect(setUserDisabled(deps(), { actor: admin, userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('a role and agency change moves the scope; the last administrator keeps the role', async () => {
    const { row } = await makeUser(t.db, { agency: tree.education, username: 'moved' });
    await changeUserRole(deps(), {
      actor: admin,
      userId: row.id,
      change: { agencyId: tree.town.id, role: 'office_head' },
    });
    const session = await login(deps(), { username: 'moved', password: TEST_PASSWORD });
    expect(session.user).toMatchObject({ role: 'office_head', scope: [tree.town.id] });
    await expect(
      changeUserRole(deps(), { actor: admin, userId: admin.id, change: { agencyId: tree.county.id, role: 'staff' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const audit = await listAudit(t.db, { action: 'user.role_changed', entityId: row.id });
    expect(audit[0].data).toMatchObject({ from: { role: 'staff' }, to: { role: 'office_head' } });
  });
});

describe('sign-in lockout by account (failures only)', () => {
  it(`locks after ${MAX_FAILED_LOGINS} wrong passwords, refusing even the right one, until the lock ends`, async () => {
    await makeUser(t.db, { agency: tree.education, username: 'guessed' });
    const morning = '2026-12-03T09:00:00+08:00';
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await expect(login(at(morning), { username: 'guessed', password: `wrong-${i}` })).rejects.toMatchObject({
        message: '用户名或密码错误',
      });
    }
    const locked = await login(at(morning), { username: 'guessed', password: TEST_PASSWORD }).catch((e) => e);
    expect(locked.message).toContain('账户已暂时锁定');
    expect(locked.message).toContain('09:15');
    const after = new Date(Date.parse(morning) + LOCKOUT_MS + 1000).toISOString();
    expect((await login(at(after), { username: 'guessed', password: TEST_PASSWORD })).user.username).toBe('guessed');
    expect((await listAudit(t.db, { action: 'auth.locked' })).length).toBeGreaterThanOrEqual(1);
  });

  it('a success resets the count: only failures in a row lock', async () => {
    await makeUser(t.db, { agency: tree.education, username: 'typo' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++)
        await login(deps(), { username: 'typo', password: 'wrong' }).catch(() => {});
      await login(deps(), { username: 'typo', password: TEST_PASSWORD });
    }
    const [row] = await t.db.select().from(users).where(eq(users.username, 'typo'));
    expect(row.lockedUntil).toBeNull();
  });

  it('an administrator lifts a lock at once', async () => {
    const { row } = await makeUser(t.db, { agency: tree.education, username: 'forgetful' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await login(deps(), { username: 'forgetful', password: 'x' }).catch(() => {});
    await unlockUser(deps(), { actor: admin, userId: row.id });
    expect((await login(deps(), { username: 'forgetful', password: TEST_PASSWORD })).user.id).toBe(row.id);
  });
});

describe('the first administrator of a new installation', () => {
  it('is made once, with a one-time password, only when there is no user', async () => {
    expect(await ensureFirstAdmin(deps())).toBeNull();
    const fresh = await createTestDb();
    try {
      const first = await ensureFirstAdmin({ db: fresh.db, clock });
      expect(first?.username).toBe('admin');
      const session = await login({ db: fresh.db, clock }, { username: 'admin', password: first!.password });
      expect(session.user).toMatchObject({ role: 'admin', mustChangePassword: true });
      expect(await ensureFirstAdmin({ db: fresh.db, clock })).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
