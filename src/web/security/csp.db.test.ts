/**
 * The Content-Security-Policy without 'unsafe-inline' (issue #19, item 8), through the whole site: portal and
 * console pages carry the strict policy and the other security headers, hold no inline <style> and no style
 * attribute (which the policy would refuse), and link the stylesheet file, which is served immutable; the
 * report's standalone HTML allows its one <style> by hash, in 简 and 繁.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HTML_CSP } from '../../cases/documents/render.ts';
import { fixedClock } from '../../clock.ts';
import { users } from '../../db/schema/auth.ts';
import { cases } from '../../db/schema/cases.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { DEMO_PASSWORD, loadDemo } from '../../demo/county.ts';
import { REPORT_HTML_CSP } from '../../report/render/html.ts';
import { IMMUTABLE, STYLESHEET_PATH } from '../assets.ts';
import { STYLES } from '../components/styles.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-10-12T10:00:00+08:00');
let t: TestDb;
let site: ReturnType<typeof createSite>;
let reportId: number;
let caseId: number;

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 20, fromYear: 2024, reportsUpTo: 2024 });
  const [head] = await t.db.select().from(users).where(eq(users.username, 'head'));
  const [r] = await t.db.select().from(annualReports).where(eq(annualReports.agencyId, head.agencyId)).limit(1);
  reportId = r.id;
  const [c] = await t.db.select().from(cases).where(eq(cases.agencyId, head.agencyId)).limit(1);
  caseId = c.id;
  site = createSite({ db: t.db, clock, secret: 'csp', log: () => {} });
}, 120_000);
afterAll(() => t.close());

/** The policy's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

function expectStrictPage(res: Response, html: string, status = 200) {
  expect(res.status).toBe(status);
  const csp = res.headers.get('content-security-policy') ?? '';
  const policy = directives(csp);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.has('style-src-elem')).toBe(false); // falls back to style-src
  expect(policy.has('style-src-attr')).toBe(false);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  // Nothing the policy would refuse: no inline <style>, no style attribute (the charts' SVG included).
  expect(html).not.toMatch(/<style[\s>]/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
}

describe('a Content-Security-Policy without unsafe-inline', () => {
  it.each(['/', '/catalog', '/reports', '/data', '/data?year=2024', '/guide', '/login', '/no-such-page'])(
    '%s: strict policy, security headers, the stylesheet linked and nothing inline',
    async (path) => {
      const res = await site.request(path);
      const html = await res.text();
      expectStrictPage(res, html, path === '/no-such-page' ? 404 : 200);
    },
  );

  it('a report page with its charts: no style attribute, in the SVG either', async () => {
    const res = await site.request(`/reports/${reportId}`);
    const html = await res.text();
    expectStrictPage(res, html);
    const charts = [...html.matchAll(/<img src="(\/reports\/\d+\/charts\/\d+\.svg\?v=\d+)" alt="([^"]+)"/g)];
    expect(charts.length).toBe(2);
    for (const [, src, alt] of charts) {
      expect(alt).toMatch(/：/); // the chart's figures as text, for screen readers
      const chart = await site.request(src);
      expect(chart.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(chart.headers.get('cache-control')).toContain('immutable');
      const svg = await chart.text();
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+" [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).not.toMatch(/\sstyle\s*=|<style/i);
    }
    // An address of another version is drawn at the current one, and not kept.
    const stale = await site.request(charts[0][1].replace(/v=\d+/, 'v=1'));
    expect(stale.headers.get('cache-control')).toBe('no-cache');
    expect((await site.request(`/reports/${reportId}/charts/9.svg`)).status).toBe(404);
  });

  it('a console page (signed in): the same strict policy', async () => {
    const b = testBrowser(site);
    await b.get('/login');
    expect((await b.post('/login', { username: 'head', password: DEMO_PASSWORD })).status).toBe(303);
    for (const path of ['/console', `/console/reports/${reportId}`]) {
      const { res, html } = await b.get(path);
      expectStrictPage(res, html);
    }
  });

  it('serves the stylesheet as a file: CSS, immutable for a year, compressed, 304 when the browser has it', async () => {
    expect(STYLESHEET_PATH).toMatch(/^\/assets\/site-[0-9a-f]{16}\.css$/);
    const res = await site.request(STYLESHEET_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull(); // no CSRF cookie on a file every visitor shares
    expect(await res.text()).toBe(STYLES);
    const hash = createHash('sha256').update(STYLES).digest('hex').slice(0, 16);
    expect(STYLESHEET_PATH).toBe(`/assets/site-${hash}.css`);

    const br = await site.request(STYLESHEET_PATH, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(STYLES);

    const etag = res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await site.request(STYLESHEET_PATH, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('an old stylesheet address is not found', async () => {
    expect((await site.request('/assets/site-0000000000000000.css')).status).toBe(404);
  });

  it.each([
    ['简', ''],
    ['繁', 'gk_script=hant'],
  ])('the report as standalone HTML (%s) allows its one <style> by hash, nothing else', async (_, cookie) => {
    const res = await site.request(`/reports/${reportId}.html`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(REPORT_HTML_CSP);
    expect(csp).not.toContain('unsafe-inline');
    expect(directives(csp).get('default-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    if (cookie) expect(html).toContain('年度報告'); // converted to 繁 …
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(directives(csp).get('style-src')).toEqual([hash]); // … and the <style> still matches its hash
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it.each([
    ['简', 'hans'],
    ['繁', 'hant'],
  ])('a case letter as HTML (%s) allows its one <style> by hash, nothing else', async (_, script) => {
    const b = testBrowser(site);
    await b.get('/login');
    expect((await b.post('/login', { username: 'head', password: DEMO_PASSWORD })).status).toBe(303);
    await b.send(`/prefs/script?to=${script}`);
    const res = await b.send(`/console/cases/${caseId}/documents/receipt.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(DOCUMENT_HTML_CSP);
    const style = /<style>([\s\S]*?)<\/style>/.exec(await res.text())?.[1] ?? '';
    expect(directives(csp).get('style-src')).toEqual([
      `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    ]);
  });
});
