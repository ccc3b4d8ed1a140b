/**
 * The case desk in chromium: a citizen files online and gets an e-mail with the 查询码 (read from a local SMTP
 * server); reloading the receipt files nothing; a wrong ID number is named beside its field with what was typed
 * kept; staff find the case by its code in the 登记台账 and export the filtered register as XLSX; a case is
 * transferred, signed for and answered by another agency, with a 协办函 answered by a third.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveApplication } from '../src/cases/actions/receive-application.ts';
import { REGISTER_HEADER, REGISTER_HEADER_ROW } from '../src/cases/register-xlsx.ts';
import { fixedClock } from '../src/clock.ts';
import { users } from '../src/db/schema/auth.ts';
import { cases } from '../src/db/schema/cases.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { smtpMailer } from '../src/notify/mailer.ts';
import { createNotifier, type Notifier } from '../src/notify/notifier.ts';
import { startTestSmtp } from '../src/notify/testing.ts';
import { samplePdf } from '../src/testing/files.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2026-10-12T10:00:00+08:00');

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let notifier: Notifier;

describe.skipIf(!CHROMIUM)('the case desk in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 80, fromYear: 2024, reportsUpTo: 2024 });
    smtp = await startTestSmtp();
    notifier = createNotifier({
      db: t.db,
      clock,
      mail: smtpMailer(smtp.url, '示范县政府信息公开 <gongkai@example.gov.cn>'),
      trackUrl: (code) => `${server.url}/track?code=${code}`,
    });
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e-desk', notifier, log: () => {} }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => closeAll(browser, server, smtp, t));

  let trackingCode = '';

  it('a citizen files, gets an e-mail with the code, and a reload of the receipt files nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/apply`);
    await page.getByLabel('申请人类型').selectOption('natural_person');
    await page.getByLabel('姓名或名称').fill('孙八');
    // A mistyped check digit first: named beside the field, everything typed kept.
    await page.getByLabel('身份证件号码或统一社会信用代码').fill('110105194912310021');
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByLabel('电子邮箱').fill('sunba@example.com');
    await page.getByLabel('向哪个行政机关申请').selectOption({ label: '示范县人民政府' });
    await page.getByLabel(/所需政府信息的名称/).fill('示范县2026年城区停车场规划');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.locator('#idNumber-error').textContent()).toContain('校验码（第18位）不符');
    expect(await page.getByLabel('身份证件号码或统一社会信用代码').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('sunba@example.com');
    expect(await page.getByLabel(/所需政府信息的名称/).inputValue()).toBe('示范县2026年城区停车场规划');

    await page.getByLabel('身份证件号码或统一社会信用代码').fill('11010519491231002X');
    const mailsBefore = smtp.mails.length;
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/apply\/receipt\/[A-Z2-9]{10}$/);
    trackingCode = (await page.locator('#tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(await page.locator('#receipt-agency').textContent()).toBe('示范县人民政府');
    expect(await page.getByRole('img', { name: '办理进度查询页二维码' }).count()).toBe(1);

    await notifier.settled();
    const mail = smtp.mails.slice(mailsBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['sunba@example.com']);
    expect(mail[0].text).toContain(`查询码：${trackingCode}`);

    const count = await t.db.$count(cases);
    for (let i = 0; i < 2; i++) {
      await page.reload();
      expect(await page.locator('#tracking-code').textContent()).toBe(trackingCode);
    }
    await notifier.settled();
    expect(await t.db.$count(cases)).toBe(count);
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    // Printing keeps the receipt and drops the site's navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.banner nav').isVisible()).toBe(false);
    expect(await page.locator('#tracking-code').isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('staff find the case by its code in the register and export the filtered register as XLSX', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'head');
    await page.getByRole('link', { name: '登记台账' }).first().click();
    await page.waitForURL(/\/console\/register/);
    await page.getByLabel(/^检索/).fill(trackingCode);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#register-total').textContent()).toContain('共 1 件');
    expect(await page.locator('#register tbody').textContent()).toContain('示范县2026年城区停车场规划');
    expect(await page.locator('#register tbody').textContent()).toContain('孙八');

    // The closed cases received since 2024, exported: exactly the rows the page counts, over several pages.
    await page.goto(`${server.url}/console/register?state=closed&receivedFrom=2024-01-01&pageSize=10`);
    const total = Number(/共 (\d+) 件/.exec((await page.locator('#register-total').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10); // more than one page: the export is not the page
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('登记台账-2026-10-12.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(REGISTER_HEADER_ROW).values as unknown[]).slice(1)).toEqual([...REGISTER_HEADER]);
    expect(sheet.rowCount - REGISTER_HEADER_ROW).toBe(total);
    for (let r = REGISTER_HEADER_ROW + 1; r <= sheet.rowCount; r++) {
      expect(String(sheet.getRow(r).getCell(7).value)).toMatch(/^20\d\d-\d\d-\d\d$/); // 答复日期
      expect(String(sheet.getRow(r).getCell(5).value) >= '2024-01-01').toBe(true); // 收到日期
    }
    await page.close();
  }, 60_000);

  it('staff ask for 补正; the citizen is told by e-mail, sends it online with a file, and reads the 答复书', async () => {
    const staff = await browser.newPage();
    await signIn(staff, server.url, 'head');
    await staff.goto(`${server.url}/console/register?q=${trackingCode}`);
    await staff.getByRole('link', { name: /^\d{4}-\d{6}$/ }).click();
    const caseUrl = staff.url();
    await staff.getByLabel('需要补正的内容').fill('请写明停车场所在街道');
    await staff.getByLabel('补正期限').fill('2026-10-30');
    await staff.locator('form[action$="/request-correction"] button').click();
    expect(await staff.locator('#case-state').textContent()).toContain('待补正');
    await notifier.settled();
    expect(smtp.mails.at(-1)?.subject).toContain('请补正');
    expect(smtp.mails.at(-1)?.text).toContain('请写明停车场所在街道');

    const citizen = await browser.newPage();
    await citizen.goto(`${server.url}/track?code=${trackingCode}`);
    expect(await citizen.locator('#case-history').textContent()).toContain('请写明停车场所在街道');
    await citizen.getByLabel(/^补正内容/).fill('停车场位于人民路街道');
    await citizen.getByLabel(/^补正材料/).setInputFiles({
      name: '位置示意.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(samplePdf()),
    });
    await citizen.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => citizen.locator('#correction-sent').isVisible()).toBe(true);
    expect(await citizen.locator('#case-state').textContent()).toBe('办理中');

    await staff.goto(caseUrl);
    expect(await staff.content()).toContain('位置示意.pdf');
    await staff.getByLabel('办理结果').selectOption('granted');
    await staff.locator('form[action$="/reply"] input[name="confirmed"]').check();
    await staff.locator('form[action$="/reply"] button').click();
    expect(await staff.locator('#case-state').textContent()).toContain('已答复');

    await citizen.reload();
    await citizen.getByRole('link', { name: '查看答复书' }).click();
    await citizen.waitForURL(/\/track\/reply\?code=/);
    expect(await citizen.content()).toContain('孙八');
    await notifier.settled();
    expect(smtp.mails.at(-1)?.subject).toContain('已答复');
    await staff.close();
    await citizen.close();
  }, 60_000);

  it('staff route a case to another agency, which signs for it and answers; a 协办函 is answered by a third', async () => {
    const [unit1] = await t.db.select().from(users).where(eq(users.username, 'unit1'));
    const [unit2] = await t.db.select().from(users).where(eq(users.username, 'unit2'));
    const filed = await receiveApplication(
      { db: t.db, clock },
      {
        user: null,
        application: {
          agencyId: (await t.db.select().from(users).where(eq(users.username, 'staff')))[0].agencyId,
          applicantType: 'natural_person',
          applicantName: '周九',
          idNumber: '11010519491231002X',
          phone: '13912345678',
          channel: 'online',
          subject: '示范县2026年农村公路养护资金分配表',
        },
      },
    );
    const caseUrl = `${server.url}/console/cases/${filed.id}`;
    const staff = await browser.newPage();
    await signIn(staff, server.url, 'staff');
    await staff.goto(caseUrl);
    await staff.locator('#transfer-to').selectOption(String(unit1.agencyId));
    await staff.getByLabel('转办理由').fill('该信息由县交通运输部门制作并保存');
    await staff.locator('form[action$="/transfer"] button').click();
    await staff.waitForURL(/\/console\/cases$/);

    const unit = await browser.newPage();
    await signIn(unit, server.url, 'unit1');
    await unit.goto(caseUrl);
    expect(await unit.locator('#awaiting-sign-for').textContent()).toContain('待签收');
    expect(await unit.locator('form[action$="/reply"]').count()).toBe(0);
    await unit.locator('form[action$="/sign-for"] button').click();
    await expect.poll(() => unit.locator('#awaiting-sign-for').count()).toBe(0);

    // 协办: unit1 asks unit2, which answers from its own list, seeing the subject but not the applicant.
    await unit.locator('#assist-to').selectOption(String(unit2.agencyId));
    await unit.getByLabel('协办事项').fill('请提供贵单位负责路段的养护资金拨付明细');
    await unit.getByLabel('协办答复期限').fill('2026-10-20');
    await unit.locator('form[action$="/request-assist"] button').click();
    expect(await unit.locator('#assists + ul').textContent()).toContain('尚未答复');
    const helper = await browser.newPage();
    await signIn(helper, server.url, 'unit2');
    await helper.getByRole('link', { name: '协办事项' }).first().click();
    await helper.waitForURL(/\/console\/assists$/);
    const request = helper.locator('form[id^="assist-"]').filter({ hasText: '农村公路养护资金' });
    expect(await request.textContent()).not.toContain('周九');
    await request.getByLabel('协办意见').fill('拨付明细见附表，共12个路段。');
    await request.getByRole('button', { name: '答复' }).click();
    await unit.reload();
    expect(await unit.locator('#assists + ul').textContent()).toContain('拨付明细见附表');

    await unit.getByLabel('办理结果').selectOption('granted');
    await unit.locator('form[action$="/reply"] input[name="confirmed"]').check();
    await unit.locator('form[action$="/reply"] button').click();
    expect(await unit.locator('#case-state').textContent()).toContain('已答复');
    for (const p of [staff, unit, helper]) await p.close();
  }, 90_000);
});
