/**
 * The site behind a reverse proxy (nginx terminating HTTPS in front of http://127.0.0.1:3000): the addresses it
 * gives out are the public ones, cookies are Secure, and the rate limits count each visitor, not the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIndexNo } from '../catalog/index-number.ts';
import { makeCatalogWorld } from '../catalog/testing.ts';
import { fixedClock } from '../clock.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { qrSvg } from './qr.ts';
import { createSite } from './site.ts';
import { testBrowser } from './testing.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
const PUBLIC = 'https://xxgk.example.gov.cn';
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const world = await makeCatalogWorld(t.db);
  await t.db.insert(catalogItems).values({
    indexNo: formatIndexNo(world.bureau.creditCode!, 2026, 1),
    agencyId: world.bureau.id,
    title: '关于春季农业生产的通知',
    publishedOn: '2026-11-20',
    category: '20.1',
    state: 'published',
  });
}, 60_000);
afterAll(() => t.close());

const behindProxy = (opts: { lookupsPerMinute?: number; publicFormsPerMinute?: number } = {}) =>
  createSite({ db: t.db, clock, secret: 's', log: () => {}, publicOrigin: PUBLIC, trustedProxies: 1, ...opts });
const viaProxy = (client: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers ?? {}), 'x-forwarded-for': client },
});

describe('behind a reverse proxy', () => {
  it('the QR code of a page opens its public address', async () => {
    const html = await (await behindProxy().request('http://127.0.0.1:3000/guide?x=1')).text();
    expect(html).toContain(qrSvg(`${PUBLIC}/guide?x=1`));
    expect(html).not.toContain(qrSvg('http://127.0.0.1:3000/guide?x=1'));
  });

  it('feeds and the sitemap give public addresses', async () => {
    const site = behindProxy();
    for (const path of [
      '/api/catalog/feed.rss',
      '/api/catalog/feed.atom',
      '/api/catalog/feed.json',
      '/api/catalog/sitemap.xml',
    ]) {
      const body = await (await site.request(`http://127.0.0.1:3000${path}`)).text();
      expect(body, path).toContain(PUBLIC);
      expect(body, path).not.toContain('127.0.0.1');
    }
  });

  it('an https public address makes the cookies Secure', async () => {
    const res = await behindProxy().request('http://127.0.0.1:3000/login');
    expect(res.headers.get('set-cookie')).toMatch(/gk_csrf=[^;]+;.*Secure/);
    const plain = await createSite({ db: t.db, clock, secret: 's', log: () => {} }).request('/login');
    expect(plain.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('looking applications up by code is limited per visitor, on the portal and the API alike', async () => {
    const site = behindProxy({ lookupsPerMinute: 3 });
    const statuses = [];
    for (const path of [
      '/track?code=AAAAAAAAAA',
      '/api/cases/track/AAAAAAAAAA',
      '/track?code=BBBBBBBBBB',
      '/track?code=CCCCCCCCCC',
    ])
      statuses.push((await site.request(path, viaProxy('198.51.100.7'))).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    // Another visitor through the same proxy is not held back.
    expect((await site.request('/track?code=AAAAAAAAAA', viaProxy('198.51.100.8'))).status).not.toBe(429);
  });

  it('filing through the public API counts with the portal form', async () => {
    const b = testBrowser(behindProxy({ publicFormsPerMinute: 2 }));
    await b.get('/login');
    const file = () =>
      b.send('/api/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': b.token(), 'x-forwarded-for': '198.51.100.9' },
        body: '{}',
      });
    // Refused as incomplete, and counted: the third is refused for the count.
    expect((await file()).status).toBe(400);
    expect((await file()).status).toBe(400);
    expect((await file()).status).toBe(429);
  });
});
