/**
 * Accessibility of the portal and the console in chromium (WCAG 2.1 AA basics, e2e/a11y-audit.ts): every main
 * page on a desktop screen, on a 320 px phone screen and in the 适老化 large-text mode; keyboard use from the
 * top of a page (the skip link first, a visible focus outline on everything reached by Tab).
 */
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { users } from '../src/db/schema/auth.ts';
import { cases } from '../src/db/schema/cases.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { buildReport } from '../src/reports/actions/build-report.ts';
import { createSite } from '../src/web/site.ts';
import { type Audit, auditPage } from './a11y-audit.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2026-10-12T10:00:00+08:00');

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let portal: string[] = [];
let consolePages: string[] = [];

const audit = (page: Page): Promise<Audit> => page.evaluate(auditPage);

async function signedIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, server.url, username);
  return page;
}

/** Every page's problems, as `path: problem` lines (empty when all pass). */
async function problemsOf(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status(), path).toBe(200);
    for (const problem of (await audit(page)).problems) found.push(`${path}: ${problem}`);
  }
  return found;
}

describe.skipIf(!CHROMIUM)('accessibility (WCAG 2.1 AA basics)', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 40, fromYear: 2024, reportsUpTo: 2024 });
    const [item] = await t.db
      .select({ id: catalogItems.id })
      .from(catalogItems)
      .where(eq(catalogItems.state, 'published'))
      .limit(1);
    const [report] = await t.db
      .select({ id: annualReports.id })
      .from(annualReports)
      .where(eq(annualReports.status, 'published'))
      .limit(1);
    // A case of the office head's own agency, for the console's case page.
    const [application] = await t.db
      .select({ id: cases.id, code: cases.trackingCode })
      .from(cases)
      .innerJoin(users, and(eq(users.agencyId, cases.agencyId), eq(users.username, 'head')))
      .limit(1);
    // A draft of the office head's agency, for the report builder with its 第二十条 form and its cells' records.
    const [head] = await t.db.select({ agencyId: users.agencyId }).from(users).where(eq(users.username, 'head'));
    const draft = await buildReport({ db: t.db, clock }, { actorId: null, agencyId: head.agencyId, year: 2025 });
    portal = [
      '/',
      '/guide',
      '/rules',
      '/catalog',
      `/catalog/${item.id}`,
      '/search?q=通知',
      '/apply',
      `/apply/lookup?about=${encodeURIComponent('停车场规划')}`,
      `/track?code=${application.code}`,
      `/apply/receipt/${application.code}`,
      '/reports',
      `/reports/${report.id}`,
      '/data',
      '/login',
    ];
    consolePages = [
      '/console',
      '/console/cases',
      `/console/cases/${application.id}`,
      '/console/cases/new',
      '/console/register',
      '/console/outbox',
      '/console/assists',
      '/console/repeated',
      '/console/outbox/templates',
      '/console/catalog',
      '/console/review',
      '/console/reports',
      '/console/calendar',
      '/console/audit',
      '/console/standards/inspection',
      '/console/standards/directory',
      '/console/website-report',
      `/console/reports/${draft}`,
      `/console/reports/${draft}/cells/apply.received.total`,
      `/console/reports/${draft}/cells/s20_1.normative.made`,
      `/console/reports/${draft}/cells/s20_5.licensing.decisions`,
      '/console/data/import',
    ];
    server = await listen(createSite({ db: t.db, clock, secret: 'a11y', log: () => {} }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => closeAll(browser, server, t));

  it('the portal pages pass on a desktop screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    expect(await problemsOf(await context.newPage(), portal)).toEqual([]);
    await context.close();
  }, 90_000);

  it('the portal pages reflow on a 320 px phone screen, in standard and 适老化 large text', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await context.newPage();
    expect(await problemsOf(page, portal)).toEqual([]);
    await page.goto(`${server.url}/prefs/large?on=1&back=%2F`);
    expect(await page.locator('body').getAttribute('class')).toBe('large');
    expect(await problemsOf(page, portal)).toEqual([]);
    await context.close();
  }, 120_000);

  it('the console pages pass for the office head, on a desktop and a tablet screen', async () => {
    for (const width of [1280, 768]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await signedIn(context, 'head');
      expect(await problemsOf(page, consolePages)).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('the administration pages pass for the administrator', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signedIn(context, 'admin');
    expect(
      await problemsOf(page, [
        '/console/admin/users',
        '/console/admin/agencies',
        '/console/account/password',
        '/console/account/sessions',
        '/console/account/totp',
      ]),
    ).toEqual([]);
    await context.close();
  }, 120_000);

  it('the supervision pages pass for the supervisor', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signedIn(context, 'supervisor');
    expect(
      await problemsOf(page, [
        '/console/supervision',
        '/console/notices',
        '/console/supervision/season?year=2025',
        '/console/supervision/season/cells/apply.received.total?year=2025',
      ]),
    ).toEqual([]);
    await context.close();
  }, 60_000);

  it('keyboard: Tab reaches the skip link first, Enter moves to the content, every stop shows its focus', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/apply`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const weak: string[] = [];
    let submit = false;
    for (let i = 0; i < 40 && !submit; i++) {
      await page.keyboard.press('Tab');
      const { focus } = await audit(page);
      if (!focus) continue;
      if (focus.outline === 'none' || focus.ratio < 3)
        weak.push(`${focus.element}: ${focus.outline}, ${focus.ratio.toFixed(2)}:1`);
      submit = focus.element.includes('提交申请');
    }
    expect(submit, 'Tab reaches the 提交申请 button').toBe(true);
    expect(weak).toEqual([]);
    // The banner's links, on the dark red: the outline must show there too.
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // 繁體
    const { focus } = await audit(page);
    expect(focus?.element).toContain('繁體');
    expect(focus?.ratio).toBeGreaterThanOrEqual(3);
    await context.close();
  }, 60_000);
});
