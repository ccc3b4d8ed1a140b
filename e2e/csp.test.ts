/**
 * The Content-Security-Policy without 'unsafe-inline' (issue #19, item 8), as chromium enforces it: portal pages
 * (the report and data pages with their ECharts SVG charts included), the report's standalone HTML and console
 * pages load with no CSP violation in the console or as a `securitypolicyviolation` event, and the stylesheet
 * file is applied (the body font and the banner colour are the site's, not the browser's defaults). A control
 * shows that the listeners do see a violation: an injected style attribute is refused.
 */
import { eq } from 'drizzle-orm';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { users } from '../src/db/schema/auth.ts';
import { cases } from '../src/db/schema/cases.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { STYLESHEET_PATH } from '../src/web/assets.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let reportId = 0;
let caseId = 0;

/** A page that records every CSP violation: console messages, page errors and `securitypolicyviolation` events. */
async function watchedPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Injected by the browser driver, outside the page's CSP (the site itself runs no script).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return { page, problems, close: () => context.close() };
}

const computed = (page: Page, selector: string, property: string) =>
  page.$eval(selector, (el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe.skipIf(!CHROMIUM)('a strict Content-Security-Policy in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 40, fromYear: 2025, reportsUpTo: 2025, catalogPerAgencyYear: 3 });
    const [head] = await t.db.select().from(users).where(eq(users.username, 'head'));
    const [r] = await t.db.select().from(annualReports).where(eq(annualReports.agencyId, head.agencyId)).limit(1);
    reportId = r.id;
    const [c] = await t.db.select().from(cases).where(eq(cases.agencyId, head.agencyId)).limit(1);
    caseId = c.id;
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e', log: () => {} }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(() => closeAll(browser, server, t));

  it('portal pages, charts included, load with no CSP violation and the stylesheet applied', async () => {
    const { page, problems, close } = await watchedPage();
    const stylesheets: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/assets/')) stylesheets.push(`${res.status()} ${res.headers()['content-type']}`);
    });
    for (const path of ['/', '/catalog', `/reports/${reportId}`, '/data', '/data?year=2025', '/reports', '/apply']) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      const csp = res?.headers()['content-security-policy'] ?? '';
      expect(csp, path).not.toContain('unsafe-inline');
      expect(await page.$eval('link[rel=stylesheet]', (l) => l.getAttribute('href'))).toBe(STYLESHEET_PATH);
      // The site's stylesheet, not the browser's defaults (Times, transparent, 8px margin).
      expect(await computed(page, 'body', 'font-family'), path).toContain('Noto Sans CJK SC');
      expect(await computed(page, 'body', 'margin-top'), path).toBe('0px');
      expect(await computed(page, 'header.banner', 'background-color'), path).toBe('rgb(164, 22, 26)');
    }
    expect(stylesheets[0]).toBe('200 text/css; charset=utf-8');

    // A report's charts: each an SVG image the browser draws, with its figures as the image's text.
    await page.goto(`${server.url}/reports/${reportId}`);
    const charts = page.locator('.charts img');
    expect(await charts.count()).toBeGreaterThan(1);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded(); // loaded lazily
      await page.waitForFunction(
        (img) => img.complete && img.naturalWidth > 0,
        (await chart.elementHandle()) as ElementHandle<HTMLImageElement>,
      );
      expect(await chart.getAttribute('alt')).toMatch(/：/);
      expect((await chart.boundingBox())?.width).toBeGreaterThan(200);
    }
    // Opened by itself, the chart's text is in the chart's font size (presentation attributes, no CSS).
    await page.goto(`${server.url}${await charts.first().getAttribute('src')}`);
    expect(await page.locator('svg[role=img] path').count()).toBeGreaterThan(5);
    expect(await computed(page, 'svg text', 'font-size')).toBe('12px');
    // The data page's chart too.
    await page.goto(`${server.url}/data?year=2025`);
    expect(await page.locator('svg[role=img]').count()).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    await close();
  }, 120_000);

  it('the report as standalone HTML: its own <style> allowed by hash, in 简 and 繁', async () => {
    const { page, problems, close } = await watchedPage();
    for (const script of ['hans', 'hant']) {
      await page.context().addCookies([{ name: 'gk_script', value: script, url: server.url }]);
      const res = await page.goto(`${server.url}/reports/${reportId}.html`);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
      expect(await computed(page, 'body', 'font-family')).toContain('FangSong');
      expect(await computed(page, 'h1', 'text-align')).toBe('center');
      expect(await computed(page, 'table.report-table td', 'border-top-style')).toBe('solid');
    }
    expect(problems).toEqual([]);
    await close();
  }, 60_000);

  it('console pages load with no CSP violation and the stylesheet applied', async () => {
    const { page, problems, close } = await watchedPage();
    await signIn(page, server.url, 'head');
    for (const path of ['/console', '/console/cases', `/console/reports/${reportId}`, '/console/catalog']) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(res?.headers()['content-security-policy'] ?? '', path).not.toContain('unsafe-inline');
      expect(await computed(page, 'header.banner', 'background-color'), path).toBe('rgb(164, 22, 26)');
    }
    // A case letter opened in place: its own <style> allowed by hash.
    const letter = await page.goto(`${server.url}/console/cases/${caseId}/documents/receipt.html`);
    expect(letter?.status()).toBe(200);
    expect(letter?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(await computed(page, 'body', 'font-family')).toContain('FangSong');
    expect(await computed(page, 'h1', 'text-align')).toBe('center');
    expect(problems).toEqual([]);
    await close();
  }, 60_000);

  it('control: an injected inline style is refused, and the listeners report it', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${server.url}/guide`);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<p id="injected" style="color: rgb(1, 2, 3)">x</p><style>#injected{font-size:77px}</style>',
      );
    });
    expect(await computed(page, '#injected', 'color')).not.toBe('rgb(1, 2, 3)');
    expect(await computed(page, '#injected', 'font-size')).not.toBe('77px');
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/Content Security Policy/);
    await close();
  }, 60_000);
});
