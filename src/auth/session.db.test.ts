import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { disableUser, makeAgencyTree, makeUser, TEST_PASSWORD } from '../db/factories.ts';
import { sessions } from '../db/schema/index.ts';
import { createTestDb, race, type TestDb } from '../db/testing.ts';
import { createUser } from './create-user.ts';
import { can } from './roles.ts';
import { login, logout, SESSION_TTL_MS, sessionUser } from './session.ts';
import { loadUser } from './users.ts';

const clock = fixedClock('2025-03-03T09:00:00+08:00');
const later = (ms: number) => fixedClock(new Date(clock.now().getTime() + ms).toISOString());
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('logs in, finds the session user, and logs out', async () => {
    const { row } = await makeUser(t.db, { agency: tree.education, username: 'zhang' });
    const session = await login({ db: t.db, clock }, { username: 'zhang', password: TEST_PASSWORD });
    expect(session.user).toMatchObject({ id: row.id, role: 'staff', scope: [tree.education.id] });
    expect(session.token).toHaveLength(43);
    // Only the token's hash is stored.
    const stored = await t.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === session.token)).toBe(false);

    const found = await sessionUser({ db: t.db, clock: later(60_000) }, session.token);
    expect(found?.user.id).toBe(row.id);
    expect(found?.csrfSecret).toBe(session.csrfSecret);

    await logout({ db: t.db, clock }, session.token);
    expect(await sessionUser({ db: t.db, clock }, session.token)).toBeNull();
    const actions = (await listAudit(t.db, { actorId: row.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it.each([
    ['a wrong password', 'zhang', 'wrong-Password1'],
    ['an unknown user', 'nobody', TEST_PASSWORD],
    ['an empty password', 'zhang', ''],
  ])('refuses %s with one message', async (_name, username, password) => {
    await expect(login({ db: t.db, clock }, { username, password })).rejects.toMatchObject({
      code: 'unauthenticated',
      message: '用户名或密码错误',
    });
  });

  it('a session expires after its lifetime', async () => {
    await makeUser(t.db, { agency: tree.town, username: 'wang' });
    const { token } = await login({ db: t.db, clock }, { username: 'wang', password: TEST_PASSWORD });
    expect(await sessionUser({ db: t.db, clock: later(SESSION_TTL_MS - 1000) }, token)).not.toBeNull();
    expect(await sessionUser({ db: t.db, clock: later(SESSION_TTL_MS) }, token)).toBeNull();
    // Expired sessions are removed, not revived by an earlier clock.
    expect(await sessionUser({ db: t.db, clock }, token)).toBeNull();
  });

  it('a disabled user can neither log in nor keep a session', async () => {
    const { row } = await makeUser(t.db, { agency: tree.town, username: 'zhao' });
    const { token } = await login({ db: t.db, clock }, { username: 'zhao', password: TEST_PASSWORD });
    await disableUser(t.db, row.id);
    expect(await sessionUser({ db: t.db, clock }, token)).toBeNull();
    await expect(login({ db: t.db, clock }, { username: 'zhao', password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});

describe('roles on real agencies', () => {
  it('a supervisor sees the subtree, staff only their agency, admin everything', async () => {
    const { user: supervisor } = await makeUser(t.db, { agency: tree.county, role: 'supervisor' });
    const { user: staff } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const { user: admin } = await makeUser(t.db, { agency: tree.county, role: 'admin' });
    expect(can(supervisor, 'case.read', tree.educationOffice.id)).toBe(true);
    expect(can(supervisor, 'case.read', tree.other.id)).toBe(false);
    expect(can(staff, 'case.handle', tree.education.id)).toBe(true);
    expect(can(staff, 'case.read', tree.educationOffice.id)).toBe(false);
    expect(can(staff, 'case.read', tree.town.id)).toBe(false);
    expect(can(admin, 'user.manage', tree.other.id)).toBe(true);
    expect((await loadUser(t.db, supervisor.id)).scope).toEqual(supervisor.scope);
  });

  it('createUser hashes the password, audits, and refuses a taken name', async () => {
    const deps = { db: t.db, clock };
    const input = {
      actorId: null,
      username: 'office.head',
      displayName: '刘主任',
      agencyId: tree.education.id,
      role: 'office_head' as const,
      password: 'Gongkai-2025',
    };
    const created = await createUser(deps, input);
    expect(created).not.toHaveProperty('passwordHash');
    const session = await login(deps, { username: 'office.head', password: 'Gongkai-2025' });
    expect(can(session.user, 'case.approve_extension', tree.education.id)).toBe(true);
    expect(can(session.user, 'case.approve_extension', tree.town.id)).toBe(false);
    expect((await listAudit(t.db, { entityType: 'user', entityId: created.id, action: 'user.created' })).length).toBe(
      1,
    );
    await expect(createUser(deps, input)).rejects.toMatchObject({ code: 'conflict' });
    await expect(createUser(deps, { ...input, username: 'x y' })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(createUser(deps, { ...input, username: 'weak', password: 'short' })).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  it('of two administrators adding the same name at once, one wins and the other gets conflict', async () => {
    const results = await race(3, () =>
      createUser(
        { db: t.db, clock },
        {
          actorId: null,
          username: 'twice',
          displayName: '重复',
          agencyId: tree.town.id,
          role: 'staff',
          password: 'Gongkai-2025',
        },
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    expect(await listAudit(t.db, { action: 'user.created', agencyIds: [tree.town.id] })).toHaveLength(1);
  });
});
