import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import type { Role } from '../../db/schema/auth.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { consoleNavFor } from '../components/layout.tsx';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
const clock = fixedClock('2027-01-10T10:00:00+08:00');

beforeAll(async () => {
  t = await createTestDb();
  const tree = await makeAgencyTree(t.db);
  for (const role of ['staff', 'office_head', 'reviewer'] as const) {
    await makeUser(t.db, { agency: tree.education, role, username: role });
  }
  await makeUser(t.db, { agency: tree.county, role: 'supervisor', username: 'supervisor' });
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'admin' });
});
afterAll(() => t.close());

async function signedIn(username: string) {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {} }));
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

/** The menu's links as the page shows them. */
const menuOf = (html: string) => {
  const nav = /<nav aria-label="工作台导航">(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
};

const ROLES: Role[] = ['staff', 'office_head', 'reviewer', 'supervisor', 'admin'];

describe('one role-aware console: each role sees the menu entries it may use', () => {
  it.each(ROLES)('%s: every link of its menu answers 200', async (role) => {
    const b = await signedIn(role);
    const { html } = await b.get('/console');
    const menu = menuOf(html);
    expect(menu).toEqual(consoleNavFor(role));
    for (const [href] of menu) {
      const { res } = await b.get(href);
      expect([href, res.status]).toEqual([href, 200]);
    }
  });

  it.each<[string, Role, string[], string[]]>([
    [
      'a clerk handles cases and the catalog',
      'staff',
      ['登记新申请', '协办事项', '主动公开目录'],
      ['发布审核', '监督考核', '用户管理', '操作日志'],
    ],
    [
      'a reviewer reviews but does not register applications',
      'reviewer',
      ['发布审核', '主动公开目录'],
      ['登记新申请', '协办事项', '监督考核', '用户管理'],
    ],
    [
      'an office head approves and reviews',
      'office_head',
      ['登记新申请', '发布审核', '年度报告', '操作日志'],
      ['监督考核', '用户管理'],
    ],
    [
      'a supervisor sees 监督考核',
      'supervisor',
      ['监督考核', '督办事项', '操作日志'],
      ['登记新申请', '协办事项', '发布审核', '用户管理'],
    ],
    [
      'an administrator administers and handles no case',
      'admin',
      ['用户管理', '机构管理', '工作日历'],
      ['登记新申请', '协办事项', '发布审核'],
    ],
  ])('%s', async (_name, role, shown, hidden) => {
    const labels = consoleNavFor(role).map(([, label]) => label);
    for (const label of shown) expect(labels).toContain(label);
    for (const label of hidden) expect(labels).not.toContain(label);
  });

  it('an entry left out is one the role is refused', async () => {
    const reviewer = await signedIn('reviewer');
    expect((await reviewer.get('/console/cases/new')).res.status).toBe(403);
    expect((await reviewer.get('/console/assists')).res.status).toBe(403);
    const { html } = await reviewer.get('/console/cases');
    expect(html).not.toContain('href="/console/cases/new"');
    const staff = await signedIn('staff');
    expect((await staff.get('/console/supervision')).res.status).toBe(403);
    expect((await staff.get('/console/admin/users')).res.status).toBe(403);
    const admin = await signedIn('admin');
    expect((await admin.get('/console/cases/new')).res.status).toBe(403);
  });
});
