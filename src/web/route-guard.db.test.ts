/**
 * A role check on every route, found by walking the routes the site registers (so a route added later is
 * checked too): every console and staff API route refuses a visitor who is not signed in, and every route that
 * names a record refuses staff of another agency, writing nothing. Public routes are listed here by name.
 */
import { eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { users } from '../db/schema/auth.ts';
import { cases } from '../db/schema/cases.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { annualReports } from '../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { DEMO_PASSWORD, loadDemo } from '../demo/county.ts';
import { createSite } from './site.ts';
import { testBrowser } from './testing.ts';

const clock = fixedClock('2026-10-12T10:00:00+08:00');

/** Routes under /api that answer the public: the catalog's published content, filing and tracking. */
const PUBLIC_API = new Set([
  'GET /api/catalog/search',
  'GET /api/catalog/items/:id',
  'GET /api/catalog/items/:id/attachments/:aid',
  'GET /api/catalog/feed.rss',
  'GET /api/catalog/feed.atom',
  'GET /api/catalog/feed.json',
  'GET /api/catalog/sitemap.xml',
  'GET /api/catalog/directory',
  'POST /api/cases',
  'GET /api/cases/track/:code',
]);

let t: TestDb;
let site: ReturnType<typeof createSite>;
const guarded: { method: string; path: string }[] = [];
/** The county government's records, which staff of a department may not touch. */
let county: { caseId: number; code: string; reportId: number; itemId: number; agencyId: number };

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 20, fromYear: 2024, reportsUpTo: 2024 });
  const [head] = await t.db.select().from(users).where(eq(users.username, 'head'));
  const [c] = await t.db.select().from(cases).where(eq(cases.agencyId, head.agencyId)).limit(1);
  const [r] = await t.db.select().from(annualReports).where(eq(annualReports.agencyId, head.agencyId)).limit(1);
  const [i] = await t.db
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.agencyId, head.agencyId))
    .orderBy(catalogItems.state) // a draft first where there is one
    .limit(1);
  county = { caseId: c.id, code: c.trackingCode, reportId: r.id, itemId: i.id, agencyId: head.agencyId };
  site = createSite({ db: t.db, clock, secret: 'guard', log: () => {}, publicFormsPerMinute: 10_000 });
  const seen = new Set<string>();
  for (const { method, path } of site.routes) {
    const key = `${method} ${path}`;
    if (method === 'ALL' || seen.has(key)) continue;
    seen.add(key);
    if (path.startsWith('/console') || (path.startsWith('/api/') && !PUBLIC_API.has(key)))
      guarded.push({ method, path });
  }
}, 120_000);
afterAll(() => t.close());

/** The newest audit event's id: any change moves it. */
const newestEvent = async () => (await t.db.select({ id: max(auditEvents.id) }).from(auditEvents))[0].id;

/** A concrete address for a route pattern, naming the county's records. */
function address(pattern: string): string {
  const idOf = (path: string) =>
    path.startsWith('/console/reports') || path.startsWith('/console/supervision/reports')
      ? county.reportId
      : path.includes('/catalog')
        ? county.itemId
        : county.caseId;
  return pattern
    .replace(/:id(\{[^}]*\})?/, String(idOf(pattern)))
    .replace(/:agency(\{[^}]*\})?/, String(county.agencyId))
    .replace(/:code/, county.code)
    .replace(/:kind/, 'receipt')
    .replace(/:file/, 'receipt.html')
    .replace(/:[a-z]+(\{[^}]*\})?/g, '1');
}

async function request(b: ReturnType<typeof testBrowser>, method: string, path: string) {
  const json = path.startsWith('/api/');
  return b.send(path, {
    method,
    redirect: 'manual',
    headers: {
      'x-csrf-token': b.token(),
      ...(method === 'GET' ? {} : { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' }),
    },
    body: method === 'GET' ? undefined : json ? '{}' : '',
  });
}

describe('a role check on every route', () => {
  it('finds the routes to check', () => {
    expect(guarded.length).toBeGreaterThan(80);
    expect(guarded.map((r) => `${r.method} ${r.path}`)).toContain('POST /console/cases/:id{[0-9]+}/reply');
  });

  it('a visitor who is not signed in is sent to sign in, or refused with 401, and nothing is written', async () => {
    const b = testBrowser(site);
    await b.get('/login'); // the CSRF cookie and token, so that refusals come from the role check, not from CSRF
    const before = await newestEvent();
    const wrong: string[] = [];
    for (const { method, path } of guarded) {
      const url = address(path);
      const res = await request(b, method, url);
      const toLogin = res.status === 302 && (res.headers.get('location') ?? '').startsWith('/login');
      const ok = method === 'GET' && path.startsWith('/console') ? toLogin : res.status === 401;
      if (!ok) wrong.push(`${method} ${url}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await newestEvent()).toBe(before);
  }, 120_000);

  it('staff of another agency are refused every record of the county government, and nothing is written', async () => {
    const b = testBrowser(site);
    await b.get('/login');
    const signIn = await b.post('/login', { username: 'unit1', password: DEMO_PASSWORD });
    expect(signIn.status).toBe(303);
    const before = await newestEvent();
    const wrong: string[] = [];
    for (const { method, path } of guarded.filter((r) => /:id|:agency|:code/.test(r.path))) {
      const url = address(path);
      const res = await request(b, method, url);
      // Reading is refused outright; a change is refused whatever else is wrong with the request.
      const ok = method === 'GET' ? [403, 404].includes(res.status) : res.status >= 400 && res.status < 500;
      if (!ok) wrong.push(`${method} ${url}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await newestEvent()).toBe(before);
  }, 120_000);
});
