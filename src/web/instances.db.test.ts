/**
 * Two server instances on one PostgreSQL database (issue #12): each has its own pool and its own page cache;
 * an audited change made through one is served by the other as soon as it hears the change from the database
 * (LISTEN/NOTIFY, src/db/change-feed.ts and src/web/page-cache.ts).
 * On PGlite two instances cannot share a data directory, so this runs on the server only.
 */
import { eq, like } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertPublishedItem, makeCatalogWorld } from '../catalog/testing.ts';
import { fixedClock } from '../clock.ts';
import { config } from '../config.ts';
import { subscribeToChanges } from '../db/change-feed.ts';
import { type OpenDb, openDb } from '../db/client.ts';
import { TEST_PASSWORD } from '../db/factories.ts';
import { users } from '../db/schema/auth.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { rateLimitHits } from '../db/schema/rate-limits.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import type { AppEnv } from './env.ts';
import { databaseRateStore } from './security/rate-store.ts';
import { createSite } from './site.ts';
import { testBrowser } from './testing.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
let t: TestDb;
let second: OpenDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;

beforeAll(async () => {
  if (!config.databaseUrl) return;
  t = await createTestDb();
  second = await openDb({ url: t.url });
  world = await makeCatalogWorld(t.db);
  // Each pool's change feed listening before the first page (a cache keeps nothing until it listens).
  for (const db of [t.db, second.db]) await subscribeToChanges(db, () => {});
}, 60_000);
afterAll(async () => {
  await second?.close();
  await t?.close();
});

describe.runIf(config.databaseUrl)('two instances, one PostgreSQL database', () => {
  it('a page cached on both is new on B at its next request after an audited change through A', async () => {
    const item = await insertPublishedItem(t.db, world.bureau);
    // Two instances as two servers run them: a pool each, a site (and page cache) each, and modules each:
    // B is built from freshly loaded modules, so the in-process signal of A's changes (src/db/audit.ts
    // counts the events this process writes) does not reach it, as it would not reach another process.
    const a = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    vi.resetModules();
    const other = (await import('./site.ts')) as typeof import('./site.ts');
    expect(other.createSite).not.toBe(createSite);
    const b = other.createSite({ db: second.db, clock, secret: 's', log: () => {} });
    const page = `/catalog/${item.id}`;
    for (const site of [a, b])
      for (const path of [page, '/catalog'])
        expect(await (await site.request(path)).text()).toContain('关于冬季供暖安排的通知');

    // Both serve it from their cache: a change nobody audited is not seen by either.
    await t.db.update(catalogItems).set({ title: '（未审计的修改）' }).where(eq(catalogItems.id, item.id));
    for (const site of [a, b])
      for (const path of [page, '/catalog'])
        expect(await (await site.request(path)).text()).toContain('关于冬季供暖安排的通知');
    await t.db.update(catalogItems).set({ title: '关于冬季供暖安排的通知' }).where(eq(catalogItems.id, item.id));

    // The reviewer withdraws the item through instance A's console (撤回, audited in its transaction).
    const [reviewer] = await t.db.select().from(users).where(eq(users.id, world.reviewer.id));
    const browser = testBrowser(a);
    await browser.get('/login');
    expect((await browser.post('/login', { username: reviewer.username, password: TEST_PASSWORD })).status).toBe(303);
    await browser.get(`/console/catalog/${item.id}`);
    const withdrawn = await browser.post(`/console/catalog/${item.id}/withdraw`, { reason: '内容有误，撤回更正' });
    expect(withdrawn.status).toBe(303);

    // B hears the change from the database once it commits (LISTEN/NOTIFY): the withdrawn item is gone from
    // B's page and directory. Polled, not timed: the delay is printed (issue #18's target: within 1 s).
    const since = performance.now();
    for (;;) {
      if ((await b.request(page)).status === 404) break;
      expect(performance.now() - since).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    console.log(`instance B served the withdrawal ${(performance.now() - since).toFixed(1)} ms after A's answer`);
    expect(await (await b.request('/catalog')).text()).not.toContain('关于冬季供暖安排的通知');
  });

  /** A load balancer without sticky sessions: each request to the next instance in turn. */
  function roundRobin(...sites: Hono<AppEnv>[]) {
    let turn = 0;
    const lb = new Hono<AppEnv>();
    lb.all('*', (c) => sites[turn++ % sites.length].fetch(c.req.raw));
    return lb;
  }

  it.each([
    ['the same GONGKAI_SECRET', 'shared-secret', 'shared-secret', 303],
    ['each its own GONGKAI_SECRET (forms of one refused by the other)', 'secret-a', 'secret-b', 403],
  ])('a console user behind a round-robin balancer, instances with %s', async (_name, secretA, secretB, status) => {
    const a = createSite({ db: t.db, clock, secret: secretA, log: () => {} });
    const b = createSite({ db: second.db, clock, secret: secretB, log: () => {} });
    const [reviewer] = await t.db.select().from(users).where(eq(users.id, world.reviewer.id));
    const browser = testBrowser(roundRobin(a, b));
    await browser.get('/login'); // A renders the form
    const signedIn = await browser.post('/login', { username: reviewer.username, password: TEST_PASSWORD }); // B
    expect(signedIn.status).toBe(status);
    if (status !== 303) return;
    // The session is a row in the database: the instance that did not open it knows it.
    for (let i = 0; i < 2; i++) {
      const { res, html } = await browser.get('/console');
      expect(res.status).toBe(200);
      expect(html).toContain(reviewer.displayName);
    }
  });

  it('rate limits count a visitor once whichever instance answers (counts in the database)', async () => {
    const opts = { clock, secret: 's', log: () => {}, lookupsPerMinute: 4 };
    const a = createSite({ ...opts, db: t.db, rateStore: databaseRateStore(t.db) });
    const b = createSite({ ...opts, db: second.db, rateStore: databaseRateStore(second.db) });
    const statuses: number[] = [];
    // Alternating instances, as a load balancer sends them: 6 lookups, the limit is 4 a minute.
    for (const [i, site] of [a, b, a, b, a, b].entries())
      statuses.push((await site.request(`/track?code=AAAAAAAA${String(i).padStart(2, '0')}`)).status);
    expect(statuses.slice(0, 4)).not.toContain(429);
    expect(statuses.slice(4)).toEqual([429, 429]);
    // Each instance alone would have let this visitor through: each saw only 3.
    const [row] = await t.db.select().from(rateLimitHits).where(like(rateLimitHits.bucket, 'lookups:%'));
    expect(row.count).toBe(6);
  });

  it('failed sign-ins from one address count across instances; successes do not count', async () => {
    const opts = { clock, secret: 's', log: () => {}, failedLoginsPerQuarter: 2 };
    const a = createSite({ ...opts, db: t.db, rateStore: databaseRateStore(t.db) });
    const b = createSite({ ...opts, db: second.db, rateStore: databaseRateStore(second.db) });
    const [reviewer] = await t.db.select().from(users).where(eq(users.id, world.reviewer.id));
    const signIn = async (site: typeof a, password: string) => {
      const browser = testBrowser(site);
      await browser.get('/login');
      return (await browser.post('/login', { username: reviewer.username, password })).status;
    };
    for (let i = 0; i < 3; i++) expect(await signIn(i % 2 ? b : a, TEST_PASSWORD)).toBe(303);
    expect(await signIn(a, 'wrong-password-1')).toBe(401);
    expect(await signIn(b, 'wrong-password-2')).toBe(401);
    expect(await signIn(a, TEST_PASSWORD)).toBe(429);
  });
});
