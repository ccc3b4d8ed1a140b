/**
 * 用户管理 in the console (issue #12's acceptance, without a browser; e2e/admin.test.ts drives chromium):
 * an administrator adds a user, who signs in, is made to change the password, and then handles the cases of
 * that agency only. And 50 sign-ins with a forged X-Forwarded-For each are refused after the account's limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../auth/lockout.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-12-03T10:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
const cases: Record<'town' | 'education', number> = { town: 0, education: 0 };

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'sysadmin' });
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' });
  for (const where of ['town', 'education'] as const) {
    const row = await receiveApplication(
      { db: t.db, clock },
      {
        user: null,
        application: {
          agencyId: tree[where].id,
          applicantType: 'natural_person',
          applicantName: '张三',
          idNumber: '11010519491231002X',
          phone: '13812345678',
          channel: 'online',
          subject: `申请公开${where === 'town' ? '某镇' : '教育局'}2026年专项资金使用情况`,
        },
      },
    );
    cases[where] = row.id;
  }
});
afterAll(() => t.close());

const site = (opts: Partial<Parameters<typeof createSite>[0]> = {}) =>
  createSite({ db: t.db, clock, secret: 's', log: () => {}, publicFormsPerMinute: 10_000, ...opts });

async function signIn(b: ReturnType<typeof testBrowser>, username: string, password: string) {
  await b.get('/login');
  return b.post('/login', { username, password });
}

describe('an administrator adds a user, who must change the password and handles one agency', () => {
  let oneTime = '';

  it('the administrator adds 王芳 of the town; the one-time password is shown once', async () => {
    const admin = testBrowser(site());
    expect((await signIn(admin, 'sysadmin', TEST_PASSWORD)).status).toBe(303);
    const page = await admin.get('/console/admin/users');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('新增用户');
    // A wrong field is named beside it, and what was typed stays.
    const refused = await admin.post('/console/admin/users', {
      username: 'wang fang',
      displayName: '王芳',
      agencyId: String(tree.town.id),
      role: 'staff',
    });
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/id="username-error">用户名只能由字母/);
    expect(refusedHtml).toContain('value="王芳"');
    const res = await admin.post('/console/admin/users', {
      username: 'wang.fang',
      displayName: '王芳',
      agencyId: String(tree.town.id),
      role: 'staff',
    });
    const html = await res.text();
    oneTime = /初始密码：<code>([^<]+)<\/code>/.exec(html)?.[1] ?? '';
    expect(oneTime).toMatch(/^\S{14}$/);
    expect(html).toMatch(/<td>wang\.fang<\/td><td>王芳<\/td>/);
  });

  it('王芳 signs in and is sent to change the password before anything else', async () => {
    const b = testBrowser(site());
    const res = await signIn(b, 'wang.fang', oneTime);
    expect(res.headers.get('location')).toBe('/console/account/password');
    const elsewhere = await b.send('/console/cases');
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.headers.get('location')).toBe('/console/account/password');
    expect((await b.send('/api/cases')).status).toBe(403);
    await b.get('/console/account/password');
    const weak = await b.post('/console/account/password', {
      current: oneTime,
      next: 'admin12345',
      repeat: 'admin12345',
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toMatch(/id="next-error">密码过于常见/);
    const ok = await b.post('/console/account/password', {
      current: oneTime,
      next: 'Zhen-xinxi-2026',
      repeat: 'Zhen-xinxi-2026',
    });
    expect(ok.status).toBe(303);
    // Now the console is open: the town's case, and not the education bureau's.
    expect((await b.get(`/console/cases/${cases.town}`)).res.status).toBe(200);
    expect([403, 404]).toContain((await b.send(`/console/cases/${cases.education}`)).status);
  });

  it('only an administrator reaches 用户管理, and the menu shows it to administrators only', async () => {
    const clerk = testBrowser(site());
    await signIn(clerk, 'clerk', TEST_PASSWORD);
    const page = await clerk.get('/console/cases');
    expect(page.html).not.toContain('/console/admin/users');
    expect((await clerk.send('/console/admin/users')).status).toBe(403);
    expect((await clerk.send('/api/admin/users')).status).toBe(403);
  });
});

describe('sign-in guessing behind a proxy (issue #19)', () => {
  it('50 tries with a forged X-Forwarded-For each are refused once the account has failed its limit', async () => {
    await makeUser(t.db, { agency: tree.education, username: 'target' });
    const app = site({ trustedProxies: 1 });
    const b = testBrowser(app);
    await b.get('/login');
    const statuses: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await b.send('/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `203.0.113.${i}`,
        },
        body: new URLSearchParams({ _csrf: b.token(), username: 'target', password: `guess-${i}` }).toString(),
      });
      statuses.push(
        res.status === 401 && (await res.text()).includes('账户已暂时锁定') ? 'locked' : String(res.status),
      );
    }
    expect(statuses.slice(0, MAX_FAILED_LOGINS)).toEqual(Array(MAX_FAILED_LOGINS).fill('401'));
    expect(statuses.slice(MAX_FAILED_LOGINS)).toEqual(Array(50 - MAX_FAILED_LOGINS).fill('locked'));
    // Even the right password now waits for the lock to end.
    const right = await signIn(testBrowser(app), 'target', TEST_PASSWORD);
    expect(right.status).toBe(401);
  });
});

describe('登录会话: a user sees and ends their own sessions', () => {
  it('lists both sign-ins, marks this one, and ends the other', async () => {
    await makeUser(t.db, { agency: tree.education, username: 'two.places' });
    const office = testBrowser(site());
    const home = testBrowser(site());
    await signIn(office, 'two.places', TEST_PASSWORD);
    await signIn(home, 'two.places', TEST_PASSWORD);
    const page = await office.get('/console/account/sessions');
    expect(page.html.match(/<tr><td>/g)).toHaveLength(2);
    expect(page.html).toContain('当前会话');
    const handle = /\/console\/account\/sessions\/([0-9a-f]{16})\/end/.exec(page.html)?.[1] ?? '';
    expect((await office.post(`/console/account/sessions/${handle}/end`, {})).status).toBe(303);
    // The other browser is signed out; this one goes on.
    expect((await home.send('/console/cases')).status).not.toBe(200);
    expect((await office.send('/console/cases')).status).toBe(200);
  });
});

describe('机构管理: an administrator moves a body under another government', () => {
  it('moves the town with its records in scope of the other county; a refusal is shown on the page', async () => {
    const admin = testBrowser(site());
    await signIn(admin, 'sysadmin', TEST_PASSWORD);
    const page = await admin.get('/console/admin/agencies');
    expect(page.html).toContain(`action="/console/admin/agencies/${tree.town.id}/move"`);
    const moved = await admin.post(`/console/admin/agencies/${tree.town.id}/move`, { parentId: String(tree.other.id) });
    expect(moved.status).toBe(303);
    const { subtreeIds } = await import('../../agencies/tree.ts');
    expect(await subtreeIds(t.db, tree.other.id)).toContain(tree.town.id);
    const refused = await admin.post(`/console/admin/agencies/${tree.education.id}/move`, {
      parentId: String(tree.educationOffice.id),
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('不能设在其自身或其下级机关之下');
    // The JSON API moves it back, through the same action: numbers or text alike, errors in the API's format.
    const api = (path: string, json: unknown) =>
      admin.send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': admin.token() },
        body: JSON.stringify(json),
      });
    expect((await api(`/api/admin/agencies/${tree.town.id}/move`, { parentId: tree.county.id })).status).toBe(200);
    expect(await subtreeIds(t.db, tree.county.id)).toContain(tree.town.id);
    const wrong = await api(`/api/admin/agencies/${tree.town.id}/move`, { parentId: tree.education.id });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'bad_input' } });
    const badCode = await admin.post(`/console/admin/agencies/${tree.town.id}/credit-code`, {
      creditCode: '11330000002482107A',
    });
    expect(badCode.status).toBe(422);
    expect(await badCode.text()).toContain('校验码有误');
    const made = await api('/api/admin/agencies', { name: '某县数据局', kind: 'department', parentId: tree.county.id });
    expect(made.status).toBe(201);
    expect(((await made.json()) as { path: string }).path).toMatch(new RegExp(`^${tree.county.path}\\d+/$`));
  });
});
