/**
 * The report builder as a clerk uses it (issue #15, Build item 3), in chromium: 第二十条 figures typed in the
 * console appear in the report after 重新计算, a refused field keeps what was typed, a number opens its records;
 * published reports uploaded in the console (年报数据).
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { users } from '../src/db/schema/auth.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { renderHtml } from '../src/report/render/index.ts';
import { sampleReport } from '../src/report/sample.ts';
import { buildReport } from '../src/reports/actions/build-report.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2027-01-12T10:00:00+08:00');

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let draft = 0;

describe.skipIf(!CHROMIUM)('the report builder in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 20, fromYear: 2026, reportsUpTo: 2025, catalogPerAgencyYear: 3 });
    const [head] = await t.db.select({ agencyId: users.agencyId }).from(users).where(eq(users.username, 'head'));
    draft = await buildReport({ db: t.db, clock }, { actorId: null, agencyId: head.agencyId, year: 2026 });
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e', log: () => {}, buildReport }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(() => closeAll(browser, server, t));

  it('第二十条 figures typed in the builder appear in the report; a number opens its records', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'head');
    await page.goto(`${server.url}/console/reports/${draft}`);
    // A wrong value: the message beside the field, what was typed kept.
    await page.getByLabel('期间').selectOption({ label: '全年合计' });
    await page.getByLabel('来源系统（必填）').fill('行政执法信息平台');
    await page.getByLabel('行政处罚决定数量').fill('四十');
    await page.getByRole('button', { name: '录入' }).click();
    await expect.poll(() => page.locator('#f-fig-1-error').textContent()).toBe('行政处罚决定数量应为数字');
    expect(await page.getByLabel('行政处罚决定数量').inputValue()).toBe('四十');
    expect(await page.getByLabel('来源系统（必填）').inputValue()).toBe('行政执法信息平台');
    await page.getByLabel('行政处罚决定数量').fill('437');
    await page.getByRole('button', { name: '录入' }).click();
    await page.waitForURL(/saved=figures/);
    expect(await page.getByRole('status').first().textContent()).toContain('已录入');
    await page.getByRole('button', { name: '重新计算统计表' }).click();
    await page.waitForURL(new RegExp(`/console/reports/${draft}$`));
    const cell = page.locator('td[data-key="s20_6.penalty.decisions"] a');
    expect(await cell.textContent()).toBe('437');
    await cell.click();
    await page.waitForURL(/\/cells\/s20_6\.penalty\.decisions$/);
    const table = await page.locator('main table').textContent();
    expect(table).toContain('全年合计');
    expect(table).toContain('437');
    // A number of section 三 opens the cases counted in it.
    await page.goto(`${server.url}/console/reports/${draft}`);
    await page.locator('td[data-key="apply.received.total"] a').click();
    await page.waitForURL(/\/cells\/apply\.received\.total$/);
    expect(await page.locator('main').textContent()).toContain('受理编号');
    await page.close();
  }, 60_000);

  it('published reports uploaded in the console, a result per file', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'head');
    await page.goto(`${server.url}/console/data/import`);
    const report = { ...sampleReport({ format: 'new2021', year: 2025, seed: 4 }), issuer: '某市自然资源局' };
    await page.getByLabel('报告文件').setInputFiles([
      { name: '某市自然资源局2025.html', mimeType: 'text/html', buffer: Buffer.from(renderHtml(report)) },
      { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('空白') },
    ]);
    await page.getByRole('button', { name: '导入' }).click();
    await page.waitForSelector('#import-results');
    const results = await page.locator('main').textContent();
    expect(results).toContain('共 2 个文件，导入 1 份，未导入 1 个');
    expect(results).toContain('某市自然资源局');
    await page.getByRole('link', { name: '已导入' }).click();
    await page.waitForURL(/\/data\/\d+$/);
    expect(await page.locator('h1').textContent()).toContain('某市自然资源局');
    await page.close();
  }, 60_000);
});
