/**
 * A refusal in the console stays in the console (issue #15): its menus, the message, and the way back to the
 * form (the browser's 后退 keeps what was typed; a link to the page it came from, on this site only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' });
});
afterAll(() => t.close());

const site = () => createSite({ db: t.db, clock: fixedClock('2026-12-04T10:00:00+08:00'), secret: 's', log: () => {} });

describe('errors inside the console', () => {
  it('a refused page keeps the console’s menus and points back to the page it came from', async () => {
    const b = testBrowser(site());
    await b.get('/login');
    await b.post('/login', { username: 'clerk', password: TEST_PASSWORD });
    const res = await b.send('/console/admin/users', { headers: { referer: 'http://localhost/console/cases?q=1' } });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('aria-label="工作台导航"');
    expect(html).toContain('id="error-back"');
    expect(html).toContain('href="/console/cases?q=1"');
    expect(html).not.toContain('返回首页');
  });

  it('a referer of another site is never linked', async () => {
    const b = testBrowser(site());
    await b.get('/login');
    await b.post('/login', { username: 'clerk', password: TEST_PASSWORD });
    const html = await (
      await b.send('/console/admin/users', { headers: { referer: 'https://evil.example/x' } })
    ).text();
    expect(html).toContain('id="error-back"');
    expect(html).not.toContain('evil.example');
  });

  it('a visitor’s error page stays the portal’s', async () => {
    const html = await (await testBrowser(site()).send('/no/such/page')).text();
    expect(html).toContain('返回首页');
    expect(html).not.toContain('id="error-back"');
  });
});
