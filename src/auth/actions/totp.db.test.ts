/**
 * 动态验证码 (issue #12): binding, sign-in with a code (wrong codes lock like passwords, a code works once),
 * unbinding, an administrator's reset, and the console sending an administrator to bind one first in production.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clock, fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { AppError } from '../../errors.ts';
import { createSite } from '../../web/site.ts';
import { testBrowser } from '../../web/testing.ts';
import { MAX_FAILED_LOGINS } from '../lockout.ts';
import { login } from '../session.ts';
import { loadUser } from '../users.ts';
import { disableTotp } from './disable-totp.ts';
import { enableTotp } from './enable-totp.ts';
import { resetPassword } from './reset-password.ts';
import { startTotp } from './start-totp.ts';

let now = new Date('2026-12-03T10:00:00+08:00');
const clock: Clock = { ...fixedClock('2026-12-03T10:00:00+08:00'), now: () => now };
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
});
afterAll(() => t.close());

async function refusal(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('binding and signing in with a 动态验证码', () => {
  it('binds only with a code from the secret, then asks for a code at every sign-in', async () => {
    const { user, row } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const { secret, uri } = await startTotp(deps(), { actor: user, site: '示范县人民政府' });
    expect(uri).toContain(secret);
    const wrong = await refusal(enableTotp(deps(), { actor: user, code: '000000' }));
    expect(wrong.details).toMatchObject({ fields: { code: expect.stringContaining('不正确') } });
    // Not bound yet: the password alone still signs in.
    await login(deps(), { username: row.username, password: TEST_PASSWORD });
    await enableTotp(deps(), { actor: user, code: await codeNow(secret) });
    expect((await loadUser(t.db, user.id)).totpEnabled).toBe(true);

    later(30);
    const missing = await refusal(login(deps(), { username: row.username, password: TEST_PASSWORD }));
    expect(missing.message).toContain('请输入验证器应用显示的动态验证码');
    const code = await codeNow(secret);
    const ok = await login(deps(), { username: row.username, password: TEST_PASSWORD, totp: code });
    expect(ok.user.totpEnabled).toBe(true);
    // The same code again (someone who watched it typed): refused.
    const replay = await refusal(login(deps(), { username: row.username, password: TEST_PASSWORD, totp: code }));
    expect(replay.message).toContain('已使用过');
    const actions = (await listAudit(t.db, { entityType: 'user', entityId: user.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.totp_started', 'user.totp_enabled']));
  });

  it('wrong codes after the right password lock the account like wrong passwords', async () => {
    const { user, row } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const { secret } = await startTotp(deps(), { actor: user, site: 's' });
    await enableTotp(deps(), { actor: user, code: await codeNow(secret) });
    later(30);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await refusal(login(deps(), { username: row.username, password: TEST_PASSWORD, totp: '123456' }));
    }
    const locked = await refusal(
      login(deps(), { username: row.username, password: TEST_PASSWORD, totp: await codeNow(secret) }),
    );
    expect(locked.message).toMatch(/锁定/);
  });

  it('a user unbinds with a current code; an administrator may not where it is required', async () => {
    const { user, row } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const { secret } = await startTotp(deps(), { actor: user, site: 's' });
    await enableTotp(deps(), { actor: user, code: await codeNow(secret) });
    later(30);
    const fresh = await loadUser(t.db, user.id);
    await refusal(disableTotp(deps(), { actor: fresh, code: '000000', adminTotpRequired: true }));
    await disableTotp(deps(), { actor: fresh, code: await codeNow(secret), adminTotpRequired: true });
    await login(deps(), { username: row.username, password: TEST_PASSWORD });

    const admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
    const refused = await refusal(disableTotp(deps(), { actor: admin, code: '000000', adminTotpRequired: true }));
    expect(refused.code).toBe('forbidden');
  });

  it('an administrator’s 重置密码 unbinds it (a lost phone)', async () => {
    const { user } = await makeUser(t.db, { agency: tree.education, role: 'staff' });
    const admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
    const { secret } = await startTotp(deps(), { actor: user, site: 's' });
    await enableTotp(deps(), { actor: user, code: await codeNow(secret) });
    await resetPassword(deps(), { actor: admin, userId: user.id });
    expect((await loadUser(t.db, user.id)).totpEnabled).toBeUndefined();
    const [event] = await listAudit(t.db, { entityType: 'user', entityId: user.id, action: 'user.password_reset' });
    expect(event.data).toEqual({ totpCleared: true });
  });
});

describe('in production an administrator binds one before any administration', () => {
  const site = (adminTotpRequired: boolean) =>
    createSite({ db: t.db, clock, secret: 's', log: () => {}, publicFormsPerMinute: 10_000, adminTotpRequired });

  it('is sent to the binding page, binds by scanning, then signs in with password and code', async () => {
    const { row } = await makeUser(t.db, { agency: tree.county, role: 'admin' });
    const b = testBrowser(site(true));
    await b.get('/login');
    expect((await b.post('/login', { username: row.username, password: TEST_PASSWORD })).status).toBe(303);
    const users = await b.send('/console/admin/users');
    expect(users.status).toBe(303);
    expect(users.headers.get('location')).toBe('/console/account/totp');
    expect((await b.send('/api/admin/users')).status).toBe(403);
    await b.get('/console/account/totp');
    await b.post('/console/account/totp/start', {});
    const pending = await b.get('/console/account/totp');
    expect(pending.html).toContain('aria-label="动态验证码绑定二维码"');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(pending.html)?.[1] ?? '';
    const wrong = await b.post('/console/account/totp/enable', { code: '12' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toMatch(/id="code-error">动态验证码不正确/);
    expect((await b.post('/console/account/totp/enable', { code: await codeNow(secret) })).status).toBe(303);
    expect((await b.get('/console/admin/users')).res.status).toBe(200);

    later(30);
    const next = testBrowser(site(true));
    await next.get('/login');
    const asked = await next.post('/login', { username: row.username, password: TEST_PASSWORD });
    expect(asked.status).toBe(401);
    const html = await asked.text();
    expect(html).toContain('请输入验证器应用显示的动态验证码');
    expect(html).toContain(`value="${row.username}"`);
    await next.get('/login');
    const signed = await next.post('/login', {
      username: row.username,
      password: TEST_PASSWORD,
      totp: await codeNow(secret),
    });
    expect(signed.status).toBe(303);
    expect((await next.get('/console/admin/users')).res.status).toBe(200);
  });

  it('the demo (not required) lets its administrator in with the password alone', async () => {
    const { row } = await makeUser(t.db, { agency: tree.county, role: 'admin' });
    const b = testBrowser(site(false));
    await b.get('/login');
    await b.post('/login', { username: row.username, password: TEST_PASSWORD });
    expect((await b.get('/console/admin/users')).res.status).toBe(200);
  });
});
