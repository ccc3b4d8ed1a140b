/**
 * Every redirect parameter of the site (`back` of /prefs/script and /prefs/large, `next` of /login) refuses
 * each off-site target: the Location stays on this site (issue #19: `/prefs/script?back=/\evil.example` and
 * `/login?next=/console//evil.example` were followed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { OFF_SITE_TARGETS } from '../../testing/hostile.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'edu' });
});
afterAll(() => t.close());

const site = () =>
  createSite({
    db: t.db,
    clock: fixedClock('2026-03-02T10:00:00+08:00'),
    secret: 's',
    log: () => {},
    publicFormsPerMinute: 10_000,
  });

/** Where a browser would go: the Location resolved against the site's own address. */
const lands = (location: string | null) => new URL(location ?? '', 'https://xxgk.example.gov.cn/');

function onSite(location: string | null) {
  expect(location).not.toBeNull();
  expect(location).not.toMatch(/[\r\n\\]/);
  expect(lands(location).origin).toBe('https://xxgk.example.gov.cn');
  expect(lands(location).pathname).not.toContain('//');
}

describe('every redirect parameter keeps the browser on this site', () => {
  const targets = OFF_SITE_TARGETS.map((v) => [JSON.stringify(v).slice(0, 50), v]);

  // A target with a NUL byte is refused as hostile input before any route reads it (400, no Location).
  const hasNul = (v: string) => v.includes('\u0000');
  const redirectable = targets.filter(([, v]) => !hasNul(v));

  it.each(targets.filter(([, v]) => hasNul(v)))(
    'a NUL byte in back or next is refused outright: %s',
    async (_name, target) => {
      const app = site();
      for (const path of ['/prefs/script?to=hant&back=', '/prefs/large?on=1&back=', '/login?next=']) {
        const res = await app.request(`${path}${encodeURIComponent(target)}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('location')).toBeNull();
      }
    },
  );

  it.each(redirectable)('/prefs/script and /prefs/large with back=%s', async (_name, target) => {
    const app = site();
    for (const path of ['/prefs/script?to=hant', '/prefs/large?on=1']) {
      const res = await app.request(`${path}&back=${encodeURIComponent(target)}`);
      expect(res.status).toBe(302);
      onSite(res.headers.get('location'));
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it.each(redirectable)('/login with next=%s', async (_name, target) => {
    const b = testBrowser(site());
    const { html } = await b.get(`/login?next=${encodeURIComponent(target)}`);
    expect(html).toContain('name="next" value="/console"');
    const res = await b.post('/login', { username: 'edu', password: TEST_PASSWORD, next: target });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console');
  });

  it('a page of this site is still where the browser goes back to', async () => {
    const app = site();
    const res = await app.request(`/prefs/large?on=1&back=${encodeURIComponent('/catalog?page=2')}`);
    expect(res.headers.get('location')).toBe('/catalog?page=2');
    const b = testBrowser(app);
    await b.get('/login?next=/console/cases/7');
    const signedIn = await b.post('/login', { username: 'edu', password: TEST_PASSWORD, next: '/console/cases/7' });
    expect(signedIn.headers.get('location')).toBe('/console/cases/7');
  });
});
