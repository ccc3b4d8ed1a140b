import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withdrawItem } from '../catalog/actions/withdraw-item.ts';
import { formatIndexNo } from '../catalog/index-number.ts';
import { makeCatalogWorld } from '../catalog/testing.ts';
import { fixedClock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { subscribeToChanges } from '../db/change-feed.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import type { AppEnv, SessionUser } from './env.ts';
import { type PageCacheOptions, pageCache } from './page-cache.ts';
import { tagsOfChange, tagsOfPage } from './page-tags.ts';
import { createSite, PUBLIC_PAGES } from './site.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
let t: TestDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;
let itemId: number;
let seq = 0;

async function publishedItem(title: string): Promise<number> {
  const [row] = await t.db
    .insert(catalogItems)
    .values({
      indexNo: formatIndexNo(world.bureau.creditCode!, 2026, ++seq),
      agencyId: world.bureau.id,
      title,
      publishedOn: '2026-11-20',
      category: '20.1',
      state: 'published',
    })
    .returning({ id: catalogItems.id });
  return row.id;
}

/** A change made behind this process's back: no audit event through recordAudit. */
const retitle = (id: number, title: string) => t.db.update(catalogItems).set({ title }).where(eq(catalogItems.id, id));

beforeAll(async () => {
  t = await createTestDb();
  world = await makeCatalogWorld(t.db);
  // The database's change feed listening before the first page (a cache keeps nothing until it listens).
  await subscribeToChanges(t.db, () => {});
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  itemId = await publishedItem('关于春季农业生产的通知');
});

describe('the portal page cache, through the site', () => {
  it('serves a visitor the page it rendered before, until an audited change', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('关于春季农业生产的通知');
    await retitle(itemId, '关于秋季农业生产的通知');
    // Not rendered again: the unaudited change is not seen.
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('关于春季农业生产的通知');
    await withdrawItem({ db: t.db, clock }, { user: world.reviewer, itemId, reason: '内容有误，撤回更正' });
    // The withdrawal's audit event makes the next visitor's page new: at once, not after a delay.
    expect((await site.request(`/catalog/${itemId}`)).status).toBe(404);
  });

  it('sends the cached page with the site headers and no CSRF cookie: the first page with a form sets it', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    await site.request('/catalog');
    const res = await site.request('/catalog');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
    // A kept page holds no form that needs a token, so a new visitor's answer costs no secret and sets no cookie.
    expect(res.headers.get('set-cookie')).toBeNull();
    // The application form carries a token and sets the cookie it is derived from.
    const form = await site.request('/apply');
    const cookie = form.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('gk_csrf=');
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(token).toBeTruthy();
    // A form sent without the cookie is refused whatever the cache holds: CSRF still meets every unsafe request.
    const refused = await site.request('/catalog', { method: 'POST', body: new URLSearchParams({ _csrf: token! }) });
    expect(refused.status).toBe(403);
  });

  it('sends the page compressed as the browser accepts, the same page in every coding', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const path = `/catalog/${itemId}`;
    const first = await site.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('vary')).toBe('Accept-Encoding, Cookie');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(first.headers.get('set-cookie')).toContain('gk_csrf=');
    const plain = await (await site.request(path)).text();
    expect(plain).toContain('关于春季农业生产的通知');
    const br = Buffer.from(await first.arrayBuffer());
    expect(brotliDecompressSync(br).toString('utf8')).toBe(plain);
    const gz = await site.request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
    // Compressed to well under half (the footer's QR code, drawn as runs, compresses less than it did as
    // single modules: the ratio is about 3 for this small page).
    expect(br.byteLength).toBeLessThan(Buffer.byteLength(plain) / 2.5);
  });

  it('answers 304 to a browser that holds the page, and 200 with a new tag after an audited change', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const path = `/catalog/${itemId}`;
    const etag = (await site.request(path)).headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await site.request(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await retitle(itemId, '关于秋季农业生产的通知');
    await t.db.transaction((tx) =>
      recordAudit(tx, { at: new Date(), actorId: null, action: 'test.changed', entityType: 'test' }),
    );
    const changed = await site.request(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('关于秋季农业生产的通知');
  });

  it('keeps 简 and 繁 apart', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const hans = await (await site.request(`/catalog/${itemId}`)).text();
    const hant = await (await site.request(`/catalog/${itemId}`, { headers: { cookie: 'gk_script=hant' } })).text();
    expect(hans).toContain('发布机构');
    expect(hant).toContain('發佈機構');
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('发布机构');
  });

  // The defect: the 繁 conversion ran on the bytes the cache had already compressed (ERR_CONTENT_DECODING_FAILED).
  it('sends a cached 繁 page compressed and readable, the 简 page cached beside it unchanged', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const path = `/catalog/${itemId}`;
    const hant = { 'accept-encoding': 'gzip, br', cookie: 'gk_script=hant' };
    const hans = { 'accept-encoding': 'gzip, br' };
    for (let visit = 0; visit < 2; visit++) {
      const t1 = await site.request(path, { headers: hant });
      expect(t1.headers.get('content-encoding')).toBe('br');
      const text = brotliDecompressSync(Buffer.from(await t1.arrayBuffer())).toString('utf8');
      expect(text).toContain('發佈機構');
      expect(text).not.toContain('发布机构');
      const s1 = await site.request(path, { headers: hans });
      const simple = brotliDecompressSync(Buffer.from(await s1.arrayBuffer())).toString('utf8');
      expect(simple).toContain('发布机构');
      expect(s1.headers.get('etag')).not.toBe(t1.headers.get('etag'));
    }
    const gz = await site.request(path, { headers: { 'accept-encoding': 'gzip', cookie: 'gk_script=hant' } });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toContain('發佈機構');
  });
});

/** A tiny app with the cache in front of one counting route; `user` signs the request in. */
function countingApp(opts: Partial<PageCacheOptions> = {}, page: (n: number, token: string) => string = String) {
  let renders = 0;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('user', c.req.header('x-user') ? ({ id: 1 } as SessionUser) : null);
    c.set('script', 'hans');
    c.set('largeText', false);
    c.set('csrfToken', 'token-of-this-visitor-0123456789');
    await next();
  });
  app.use(pageCache(t.db, { paths: /^\/(p\/\d+)?$/, ...opts }));
  app.get('/', (c) => c.html(page(++renders, c.get('csrfToken'))));
  app.get('/p/:n{[1-9][0-9]*}', (c) => c.html(`<p>${c.req.param('n')}:${++renders}:${'x'.repeat(1000)}</p>`));
  app.get('/other', (c) => c.html(`other ${++renders}`));
  app.get('/p/0', (c) => c.html(`gone ${++renders}`, 404));
  // About 410 bytes that compress little: a compressed copy weighs almost as much as the page.
  app.get('/r/:n{[1-9][0-9]*}', (c) => c.html(`<p>${++renders}:${randomBytes(300).toString('base64')}</p>`));
  return { app, renders: () => renders };
}

describe('what the page cache keeps', () => {
  it('renders once for visitors, every time for a signed-in user', async () => {
    const { app, renders } = countingApp();
    await app.request('/');
    await app.request('/');
    expect(renders()).toBe(1);
    await app.request('/', { headers: { 'x-user': '1' } });
    await app.request('/', { headers: { 'x-user': '1' } });
    expect(renders()).toBe(3);
  });

  it('never keeps a page that carries the visitor’s own CSRF token', async () => {
    const { app, renders } = countingApp({}, (n, token) => `<form><input name="_csrf" value="${token}">${n}</form>`);
    await app.request('/');
    await app.request('/');
    expect(renders()).toBe(2);
  });

  it('keeps only the paths it is given, and only pages answered 200', async () => {
    const { app, renders } = countingApp();
    await app.request('/other');
    await app.request('/other');
    expect(renders()).toBe(2);
    await app.request('/p/0');
    expect((await app.request('/p/0')).status).toBe(404);
    expect(renders()).toBe(4);
  });

  it('hears a change another process recorded, from the database when it commits', async () => {
    const { app, renders } = countingApp();
    await app.request('/');
    await app.request('/');
    expect(renders()).toBe(1);
    // Another process's event: written straight into the table, so this process's recordAudit is not told.
    await insertEvent('catalog_item', null);
    await eventually(async () => {
      await app.request('/');
      return renders() === 2;
    });
    await app.request('/');
    expect(renders()).toBe(2);
  });

  it('hears an event that commits after a newer one did', async () => {
    const { app, renders } = countingApp();
    // Two transactions: the first takes its id, the second takes a later one and commits first.
    const { rows } = await t.db.execute<{ id: number }>(sql`select nextval('audit_events_id_seq')::int as id`);
    // The second's announcement heard (by a witness on the same feed: both are told in one dispatch).
    const witness = countingApp();
    await witness.app.request('/');
    await insertEvent('catalog_item', null);
    await eventually(async () => {
      await witness.app.request('/');
      return witness.renders() === 2;
    });
    await app.request('/');
    await app.request('/');
    expect(renders()).toBe(1);
    // The first commits now: the newest id stays what it was, and it is announced all the same.
    await t.db.execute(
      sql`insert into audit_events (id, at, action, entity_type, data) overriding system value values (${rows[0].id}, now(), 'catalog.updated', 'catalog_item', '{}')`,
    );
    await eventually(async () => {
      await app.request('/');
      return renders() === 2;
    });
  });

  it('with the feed off, hears nothing but this process’s own events', async () => {
    const { app, renders } = countingApp({ feed: false });
    await app.request('/');
    await insertEvent('catalog_item', null);
    // Heard by a cache that listens, as a witness that the announcement went out.
    const witness = countingApp();
    await witness.app.request('/');
    await insertEvent('catalog_item', null);
    await eventually(async () => {
      await witness.app.request('/');
      return witness.renders() === 2;
    });
    await app.request('/');
    expect(renders()).toBe(1);
  });

  it('a change recorded in this process makes every page new', async () => {
    const { app, renders } = countingApp();
    await app.request('/');
    await t.db.transaction((tx) =>
      recordAudit(tx, { at: new Date(), actorId: null, action: 'test.changed', entityType: 'test' }),
    );
    await app.request('/');
    expect(renders()).toBe(2);
  });

  it('renders again after the ttl', async () => {
    let now = 1_000_000;
    const { app, renders } = countingApp({ ttlMs: 1000, feed: false, now: () => now });
    await app.request('/');
    now += 999;
    await app.request('/');
    expect(renders()).toBe(1);
    now += 2;
    await app.request('/');
    expect(renders()).toBe(2);
  });

  it('stays within its byte bound, the least recently used page out first', async () => {
    // Each page is about 1 KB; room for about four of them.
    const { app, renders } = countingApp({ maxBytes: 4 * 1024 + 512, feed: false });
    for (const n of [1, 2, 3, 4]) await app.request(`/p/${n}`);
    await app.request('/p/1'); // used again: now the most recent
    await app.request('/p/5'); // pushes out the oldest, /p/2
    expect(renders()).toBe(5);
    await app.request('/p/1');
    expect(renders()).toBe(5);
    await app.request('/p/2');
    expect(renders()).toBe(6);
  });

  it('counts a compressed copy made after the page was kept against its byte bound', async () => {
    // Room for four pages as sent to a client that takes no coding, not for their brotli and gzip copies too.
    const { app, renders } = countingApp({ paths: /^\/r\/\d+$/, maxBytes: 1800, feed: false });
    for (const n of [1, 2, 3, 4, 1]) await app.request(`/r/${n}`);
    expect(renders()).toBe(4); // all four kept
    for (const coding of ['br', 'gzip']) await app.request('/r/1', { headers: { 'accept-encoding': coding } });
    await app.request('/r/4');
    expect(renders()).toBe(4); // /r/1 served from its copy, compressed now; /r/4 still kept
    await app.request('/r/2'); // pushed out, the least recently used, when /r/1's copies were counted
    expect(renders()).toBe(5);
  });
});

describe('the page cache is made new by what changed, not by any change (issue #18)', () => {
  it('a case event leaves the kept portal pages valid; a catalog event makes them new', async () => {
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('关于春季农业生产的通知');
    await retitle(itemId, '关于秋季农业生产的通知');
    await t.db.transaction((tx) =>
      recordAudit(tx, { at: clock.now(), actorId: null, action: 'case.replied', entityType: 'case', entityId: 1 }),
    );
    // A clerk's reply to a case changes no public page: the kept page is still served.
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('关于春季农业生产的通知');
    await t.db.transaction((tx) =>
      recordAudit(tx, {
        at: clock.now(),
        actorId: null,
        action: 'catalog.updated',
        entityType: 'catalog_item',
        entityId: itemId,
      }),
    );
    expect(await (await site.request(`/catalog/${itemId}`)).text()).toContain('关于秋季农业生产的通知');
  });

  /** The portal's paths behind the cache with the site's tags, each route counting its renders. */
  function taggedApp() {
    const renders = new Map<string, number>();
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('user', null);
      await next();
    });
    app.use(pageCache(t.db, { paths: PUBLIC_PAGES, tagsOfPage, tagsOfChange }));
    app.get('*', (c) => {
      renders.set(c.req.path, (renders.get(c.req.path) ?? 0) + 1);
      return c.html(`<p>${c.req.path}</p>`);
    });
    return { app, renders: (path: string) => renders.get(path) ?? 0 };
  }
  const PAGES = [
    '/',
    '/catalog/1',
    '/catalog/2',
    '/catalog',
    '/search',
    '/reports/7',
    '/reports/8',
    '/reports',
    '/data',
  ];

  it.each([
    ['a catalog item: its page and the lists', 'catalog_item', '1', ['/catalog/1', '/catalog', '/search']],
    [
      'catalog settings: every catalog page',
      'catalog_settings',
      '3',
      ['/catalog/1', '/catalog/2', '/catalog', '/search'],
    ],
    ['one annual report: its page and the lists', 'annual_report', '7', ['/reports/7', '/reports', '/data']],
    ['an import of many reports', 'annual_report', '7-8', ['/reports/7', '/reports/8', '/reports', '/data']],
    ['an agency: every page', 'agency', '5', PAGES],
    ['a case: no page', 'case', '9', []],
  ])('only the pages a change names leave the cache: %s', async (_name, entityType, entityId, renewed) => {
    const { app, renders } = taggedApp();
    for (const path of PAGES) await app.request(path);
    await t.db.transaction((tx) =>
      recordAudit(tx, { at: clock.now(), actorId: null, action: 'x.changed', entityType, entityId }),
    );
    for (const path of PAGES) await app.request(path);
    expect(PAGES.filter((path) => renders(path) === 2)).toEqual(renewed);
  });

  it('another process’s change, heard from the database, drops only the pages it names', async () => {
    const { app, renders } = taggedApp();
    for (const path of PAGES) await app.request(path);
    // Written by "another process": straight into the log, not through this process's recordAudit.
    await insertEvent('case', '1');
    await insertEvent('catalog_item', '2');
    await eventually(async () => {
      await app.request('/catalog/2');
      return renders('/catalog/2') === 2;
    });
    for (const path of PAGES) await app.request(path);
    expect(PAGES.filter((path) => renders(path) > 1)).toEqual(['/catalog/2', '/catalog', '/search']);
  });
});

/** An audit event inserted as another process would (this process's recordAudit is not told). */
function insertEvent(entityType: string, entityId: string | null) {
  return t.db.execute(
    sql`insert into audit_events (at, action, entity_type, entity_id, data) values (now(), 'x.y', ${entityType}, ${entityId}, '{}'::jsonb)`,
  );
}

/** Polls `check` until it holds (every 20 ms, at most 10 s): what another process announces arrives soon, not at once. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 10_000) throw new Error('not seen within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
