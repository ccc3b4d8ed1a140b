/**
 * The portal's defects of issue #15, as a visitor meets them in chromium: 繁體 on every cached page (and back to
 * 简体), the search total and pager, and the 年报数据 筛选 that answered 400.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUser } from '../src/auth/users.ts';
import { addAttachment } from '../src/catalog/actions/add-attachment.ts';
import { createItem } from '../src/catalog/actions/create-item.ts';
import { submitItem } from '../src/catalog/actions/submit-item.ts';
import { fixedClock } from '../src/clock.ts';
import { users } from '../src/db/schema/auth.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { corpusCase } from '../src/extract/corpus/generate.ts';
import { extractBuffer } from '../src/extract/pipeline.ts';
import { check } from '../src/report/check.ts';
import { buildReport } from '../src/reports/actions/build-report.ts';
import { importReports } from '../src/reports/actions/import-reports.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let itemId = 0;
let brokenIssuer = '';

describe.skipIf(!CHROMIUM)('portal in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 40, fromYear: 2025, reportsUpTo: 2025, catalogPerAgencyYear: 3 });
    const [item] = await t.db.select({ id: catalogItems.id }).from(catalogItems).limit(1);
    itemId = item.id;
    // Two imported reports, one with a broken sum: the 年报数据 filter must find it.
    const outputs = [];
    for (let i = 0; i < 2; i++) {
      const c = await corpusCase(i, 'tabs', 'none');
      outputs.push(await extractBuffer(c.bytes, c.name));
    }
    const broken = outputs[1];
    broken.values['apply.received.total'] = (broken.values['apply.received.total'] as number) + 7;
    broken.findings = check({
      format: broken.format,
      year: broken.year!,
      issuer: broken.issuer!,
      values: broken.values,
    });
    brokenIssuer = broken.issuer!;
    await importReports({ db: t.db, now: clock.now() }, { actorId: null, outputs });
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e', log: () => {} }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(() => closeAll(browser, server, t));

  it('switches every cached page to 繁體 and back: each renders, 简 and 繁 cached side by side', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const paths = ['/', '/guide', '/rules', '/catalog', `/catalog/${itemId}`, '/search?q=通知', '/reports', '/data'];
    // First in 简: every page rendered once and kept (compressed) by the page cache.
    for (const path of paths) expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(200);
    await page.goto(`${server.url}/catalog`);
    await page.getByRole('link', { name: '繁體' }).click();
    await page.waitForURL(/\/catalog$/);
    for (const path of paths) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator('html').getAttribute('lang'), path).toBeTruthy();
      await expect.poll(() => page.getByRole('link', { name: /^(简体|簡體)$/ }).count(), { timeout: 5000 }).toBe(1);
      expect(await page.content(), path).toMatch(/[體資訊開關]/);
    }
    // Twice, from the cache this time, still readable; then back to 简 (the cookie no longer locks anyone in).
    const again = await page.goto(`${server.url}/catalog`);
    expect(again?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('法定主動公開內容');
    await page.getByRole('link', { name: /^(简体|簡體)$/ }).click();
    await page.waitForURL(/\/catalog$/);
    expect(await page.textContent('h1')).toBe('法定主动公开内容');
    // Another visitor in 繁 at the same time gets the 繁 page from the cache, this one the 简 page.
    const other = await (await browser.newContext()).newPage();
    await other.context().addCookies([{ name: 'gk_script', value: 'hant', url: server.url }]);
    await other.goto(`${server.url}/catalog`);
    expect(await other.textContent('h1')).toBe('法定主動公開內容');
    await page.reload();
    expect(await page.textContent('h1')).toBe('法定主动公开内容');
    await other.context().close();
    await context.close();
  });

  it('searches with a true total and pages through the results', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search`);
    await page.getByLabel('关键词').fill('通知');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\?/);
    const summary = (await page.getByText(/找到 \d+ 条结果/).textContent()) ?? '';
    const total = Number(/找到 (\d+) 条结果/.exec(summary)?.[1]);
    expect(total).toBeGreaterThan(20);
    const results = (p: Page) => p.locator('main ol > li').count();
    expect(await results(page)).toBe(20);
    const pages = Math.ceil(total / 20);
    await expect.poll(() => page.getByText(`第 1 页，共 ${pages} 页`).count()).toBe(1);
    let seen = 20;
    for (let n = 2; n <= pages; n++) {
      await page.getByRole('link', { name: '下一页' }).click();
      await page.waitForURL(new RegExp(`page=${n}`));
      seen += await results(page);
    }
    // The last page has no 下一页, and every result was counted once.
    expect(await page.getByRole('link', { name: '下一页' }).count()).toBe(0);
    expect(seen).toBe(total);
    await page.close();
  });

  it('年报数据: the 筛选 button with empty fields answers, and finds the report with an error', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/data`);
    await page.getByLabel('只看有勾稽关系错误的').check();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/data?')),
      page.getByRole('button', { name: '筛选' }).click(),
    ]);
    expect(res.status()).toBe(200);
    expect(page.url()).toContain('year=&');
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(brokenIssuer);
    // No server path anywhere on the page.
    expect(await page.content()).not.toMatch(/\/(tmp|srv|home|work)\//);
    await page.close();
  });

  it('保密审查: an attachment whose text cannot be read blocks until a reviewer checks it by eye', async () => {
    const staffUser = await loadUser(t.db, (await t.db.select().from(users).where(eq(users.username, 'staff')))[0].id);
    const deps = { db: t.db, clock };
    const item = await createItem(deps, {
      user: staffUser,
      agencyId: staffUser.agencyId,
      fields: { title: '扫描版通知', docNo: null, writtenOn: '2026-11-20', category: '20.11', body: '<p>见附件。</p>' },
    });
    // An image: nothing for the machine to read.
    await addAttachment(deps, {
      user: staffUser,
      itemId: item.id,
      filename: '扫描件.png',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    });
    await submitItem(deps, { user: staffUser, itemId: item.id });
    const reviewer = await browser.newPage();
    await signIn(reviewer, server.url, 'reviewer');
    await reviewer.goto(`${server.url}/console/catalog/${item.id}`);
    const approve = async (page = reviewer) => {
      for (const name of ['stateSecret', 'commercialSecret', 'privacy'])
        await page.locator(`form[action$="/approve"] input[name="${name}"]`).check();
      await page.locator('form[action$="/approve"] button').click();
    };
    await approve();
    expect(await reviewer.content()).toContain('的文字无法读取，未能自动检查个人信息');
    await reviewer.goto(`${server.url}/console/catalog/${item.id}`);
    await reviewer.getByRole('button', { name: '确认已人工核对' }).click();
    await reviewer.waitForURL(/\/console\/catalog\/\d+$/);
    expect(await reviewer.locator('#attachments').textContent()).toContain('已人工核对');
    await approve(); // 初审
    const nextStep = async (username: string) => {
      const page = await browser.newPage();
      await signIn(page, server.url, username);
      await page.goto(`${server.url}/console/catalog/${item.id}`);
      await approve(page);
      return page;
    };
    await (await nextStep('head')).close(); // 审核: another person
    const leader = await nextStep('leader'); // 审发
    expect(await leader.locator('#item-state').textContent()).toContain('已发布');
    await leader.close();
    await reviewer.goto(`${server.url}/console/catalog/${item.id}`);
    expect(await reviewer.content()).toContain('人工核对附件');
    await reviewer.close();
  }, 90_000);

  it('a 2026 report cannot be locked or published on 2026-12-03; the draft is kept', async () => {
    const early = fixedClock('2026-12-03T10:00:00+08:00');
    const site = await listen(createSite({ db: t.db, clock: early, secret: 'e2e', buildReport, log: () => {} }));
    try {
      const page = await browser.newPage();
      await signIn(page, site.url, 'unit2');
      await page.goto(`${site.url}/console/reports`);
      await page.getByLabel('年度').fill('2026');
      await page.getByRole('button', { name: /生成/ }).click();
      await page.waitForURL(/\/console\/reports\/\d+$/);
      const reportUrl = page.url();
      await page.getByRole('button', { name: '锁定本年度数据' }).click();
      expect(await page.content()).toContain('2026年度尚未结束');
      const id = Number(reportUrl.split('/').pop());
      const [row] = await t.db.select().from(annualReports).where(eq(annualReports.id, id));
      expect(row.status).toBe('draft');
      await page.close();
    } finally {
      await site.close();
    }
  }, 90_000);
});
