/**
 * The catalog worked from the console as an office does (issue #15): a draft edited, given a DOCX attachment
 * whose ID number is written in full-width digits — which blocks publication at the first step of review —
 * returned with the reviewer's reason, corrected (脱敏 of the attachment in its own bytes) by the clerk, sent
 * again and published by three different people; the portal shows it without the number.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn as signInAs } from './harness.ts';

const clock = fixedClock('2026-10-12T10:00:00+08:00');
/** 11010519491231002X in full-width digits, as a Word user typing in a Chinese input method may write it. */
const FULL_WIDTH_ID = '１１０１０５１９４９１２３１００２Ｘ';

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let docxPath: string;

describe.skipIf(!CHROMIUM)('the catalog from the console', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 20, fromYear: 2025, reportsUpTo: 2025 });
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e', log: () => {} }));
    browser = await launchBrowser();
    const doc = new Document({
      sections: [
        { children: [new Paragraph('临时救助对象名单'), new Paragraph(`李四 身份证号${FULL_WIDTH_ID} 1000元`)] },
      ],
    });
    docxPath = join(tmpdir(), `gongkai-e2e-${process.pid}-名单.docx`);
    writeFileSync(docxPath, await Packer.toBuffer(doc));
  }, 180_000);
  afterAll(() => closeAll(browser, server, t));

  const signIn = async (username: string) => {
    const page = await browser.newPage();
    await signInAs(page, server.url, username);
    return page;
  };
  const approve = async (page: Page) => {
    for (const name of ['stateSecret', 'commercialSecret', 'privacy'])
      await page.locator(`form[action$="/approve"] input[name="${name}"]`).check();
    await page.locator('form[action$="/approve"] button').click();
  };

  it('a draft edited, blocked by a full-width ID in its DOCX, returned, corrected and published', async () => {
    const staff = await signIn('staff');
    await staff.goto(`${server.url}/console/catalog`);
    await staff.locator('summary', { hasText: '新建目录信息' }).click();
    await staff.getByLabel('标题').fill('关于临时救助对象的公示（草稿）');
    await staff.getByLabel('目录分类').selectOption('20.11');
    await staff.getByLabel('成文日期').fill('2026-10-09');
    await staff.getByLabel('正文').fill('经审核，以下对象符合临时救助条件，现予公示，名单见附件。');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await staff.waitForURL(/\/console\/catalog\/\d+$/);
    const itemUrl = staff.url();

    // Edited in the console: the title corrected.
    await staff.locator('#edit summary').click();
    await staff.locator('#edit').getByLabel('标题').fill('关于2026年10月临时救助对象的公示');
    await staff.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => staff.locator('h1').textContent()).toBe('关于2026年10月临时救助对象的公示');

    // The attachment with the full-width ID number: found, and the first step of review refuses to pass it.
    await staff.locator('form[action$="/attachments"] input[type="file"]').setInputFiles(docxPath);
    await staff.locator('form[action$="/attachments"] button').click();
    await expect.poll(() => staff.locator('#pii').textContent()).toContain('身份证号');
    await staff.locator('form[action$="/submit"] button').click();
    await expect.poll(() => staff.locator('#item-state').textContent()).toContain('审');

    const reviewer = await signIn('reviewer');
    await reviewer.goto(itemUrl);
    await approve(reviewer);
    expect(await reviewer.content()).toContain('发现居民身份证号码，不能发布');
    await reviewer.goto(itemUrl);
    await reviewer.locator('#return-comment').fill('附件名单中有完整身份证号，请脱敏后重新送审。');
    await reviewer.locator('form[action$="/return"] button').click();
    await expect.poll(() => reviewer.locator('#item-state').textContent()).toContain('退回');

    // The clerk corrects it: 脱敏 inside the DOCX, then sends it again.
    await staff.goto(itemUrl);
    expect(await staff.content()).toContain('附件名单中有完整身份证号');
    await staff.locator('form[action$="/mask"] button').click();
    await expect.poll(() => staff.locator('#pii').textContent()).toContain('未发现');
    await staff.locator('form[action$="/submit"] button').click();
    await expect.poll(() => staff.locator('#item-state').textContent()).toContain('审');

    // 初审, 审核, 审发 by three different people.
    await reviewer.goto(itemUrl);
    await approve(reviewer);
    const head = await signIn('head');
    await head.goto(itemUrl);
    await approve(head);
    const leader = await signIn('leader');
    await leader.goto(itemUrl);
    await approve(leader);
    await expect.poll(() => leader.locator('#item-state').textContent()).toContain('已发布');

    const id = itemUrl.split('/').pop();
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/catalog/${id}`);
    const html = await visitor.content();
    expect(html).toContain('关于2026年10月临时救助对象的公示');
    expect(html).not.toContain(FULL_WIDTH_ID);
    for (const page of [staff, reviewer, head, leader, visitor]) await page.close();
  }, 120_000);
});
