/**
 * 年报审核 in chromium: the supervisor opens the problem list of the demo county's 2025 reports (a unit whose
 * section 五 is last year's again, a unit with a blank cell), exports it as XLSX, downloads one unit's 审核意见
 * as DOCX and returns that unit's report for correction with it; the unit finds the 审核意见 among its 督办事项.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { agencies } from '../src/db/schema/agencies.ts';
import { annualReports } from '../src/db/schema/reports.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { loadDemo } from '../src/demo/county.ts';
import { seedAuditCases } from '../src/supervision/audit/testing.ts';
import { AUDIT_HEADER, AUDIT_HEADER_ROW } from '../src/supervision/audit/xlsx.ts';
import { createSite } from '../src/web/site.ts';
import { auditPage } from './a11y-audit.ts';
import { CHROMIUM, closeAll, launchBrowser, listen, signIn } from './harness.ts';

const clock = fixedClock('2026-02-10T10:00:00+08:00');
const COPIED = 3; // unit1's agency
const BLANK = 4; // unit2's agency

let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const nameOf = async (id: number) => (await t.db.select().from(agencies).where(eq(agencies.id, id)))[0].name;

describe.skipIf(!CHROMIUM)('年报审核 in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemo({ db: t.db, clock }, { perYear: 120, fromYear: 2024, reportsUpTo: 2025 });
    await seedAuditCases(t.db, { year: 2025, copied: COPIED, blank: BLANK });
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e-audit', log: () => {} }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(() => closeAll(browser, server, t));

  it('the supervisor opens the problem list and exports it', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'supervisor');
    await page.getByRole('link', { name: '年报审核' }).first().click();
    await page.waitForURL(/\/console\/supervision\/audit/);
    expect(await page.locator('h1').textContent()).toBe('2025年度政府信息公开工作年度报告审核');
    expect(await page.locator('#audit-summary').textContent()).toContain('共审核 61 份年度报告');
    const copied = page.locator(`#audit-problems tr[data-agency="${COPIED}"][data-kind="narrative_repeated"]`);
    expect(await copied.textContent()).toContain('重复率为100%');
    expect(await copied.locator('td').last().textContent()).toBe('100%');
    const blank = page.locator(`#audit-problems tr[data-agency="${BLANK}"][data-kind="blank_cell"]`);
    expect(await blank.textContent()).toContain('行政复议结果维持');

    // Only blank cells: the filter, then the export of what is shown.
    await page.getByLabel('问题类型').selectOption({ label: '空白或“/”单元格' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/kind=blank_cell/);
    expect(await page.locator('#audit-problems tbody tr').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出问题清单（XLSX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('年报审核问题清单-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(AUDIT_HEADER_ROW).values as unknown[]).slice(1)).toEqual([...AUDIT_HEADER]);
    expect(sheet.rowCount).toBe(AUDIT_HEADER_ROW + 1);
    const row = sheet.getRow(AUDIT_HEADER_ROW + 1);
    expect(row.getCell(2).value).toBe(await nameOf(BLANK));
    expect(row.getCell(8).value).toBe('行政复议结果维持');
    await page.close();
  }, 90_000);

  it('sends one unit its 审核意见 with 退回修改; the unit reads it among its 督办事项', async () => {
    const name = await nameOf(COPIED);
    const page = await browser.newPage();
    await signIn(page, server.url, 'supervisor');
    await page.goto(`${server.url}/console/supervision/audit?year=2025&agency=${COPIED}`);
    const row = page.locator(`#unit-${COPIED}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: `${name}审核意见（DOCX）` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`审核意见-${name}-2025.docx`);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(`关于${name}2025年度政府信息公开工作年度报告的审核意见`);
    expect(text).toContain('重复率为100%');

    await row.getByText('退回修改', { exact: true }).click();
    const reason = row.getByLabel('退回理由（审核意见）');
    expect(await reason.inputValue()).toContain('重复率为100%');
    await row.getByRole('button', { name: `退回${name}修改` }).click();
    await page.waitForURL(/returned=3/);
    expect(await page.locator('#audit-returned').textContent()).toContain(`已将${name}的年度报告退回修改`);
    // Back to 编制中: no 退回修改 any more.
    expect(await page.locator(`#unit-${COPIED}`).textContent()).toContain('编制中');
    expect(await page.locator(`#unit-${COPIED}`).getByText('退回修改', { exact: true }).count()).toBe(0);
    const [report] = await t.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.agencyId, COPIED), eq(annualReports.year, 2025)));
    expect(report.status).toBe('draft');
    await page.close();

    const unit = await browser.newPage();
    await signIn(unit, server.url, 'unit1');
    await unit.goto(`${server.url}/console/notices`);
    const notice = unit.locator('section.card', { hasText: '2025年度政府信息公开工作年度报告退回修改' });
    expect(await notice.textContent()).toContain('重复率为100%');
    await unit.close();
  }, 90_000);

  it('the audit page passes the WCAG 2.1 AA basics, on a desktop and on a 320 px phone screen', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 320, height: 640 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, server.url, 'supervisor');
      await page.goto(`${server.url}/console/supervision/audit?year=2025`);
      expect((await page.evaluate(auditPage)).problems, `${viewport.width}px`).toEqual([]);
      await context.close();
    }
  }, 90_000);
});
