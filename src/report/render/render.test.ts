import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { htmlTables } from '../../extract/decode/html.ts';
import { seedGoldDir } from '../../testing/paths.ts';
import type { CellValue, Report } from '../model.ts';
import { sampleReport } from '../sample.ts';
import { formatValue, keyedPositions, reportGrids } from './grid.ts';
import { INDENT_CSS } from './html.ts';
import { renderDocx, renderHtml, renderXlsx } from './index.ts';
import { xlsxLayout } from './xlsx.ts';

const seed002 = (): Report => {
  const g = JSON.parse(readFileSync(join(seedGoldDir, '002_4aa25779e377b147.json'), 'utf8'));
  return { format: g.format, year: g.year, issuer: g.issuer, values: g.values };
};

/** Reads keyed values back from the HTML tables of a rendering, by the positions of the official grid. */
function valuesFromHtmlTables(html: string, report: Report): Record<string, string> {
  const tables = htmlTables(html);
  const grids = reportGrids(report);
  expect(tables).toHaveLength(grids.length);
  const out: Record<string, string> = {};
  grids.forEach((grid, i) => {
    const rows = tables[i];
    for (const [key, [r, c]] of keyedPositions(grid)) out[key] = rows[r]?.[c] ?? '';
  });
  return out;
}

const asText = (values: Record<string, CellValue>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, formatValue(v)]));

describe('rendering in the official layout', () => {
  it('HTML holds every figure of seed 002 where the grid puts it', () => {
    const report = seed002();
    expect(valuesFromHtmlTables(renderHtml(report), report)).toEqual(asText(report.values));
  });

  it('DOCX of seed 002 holds the same figures as the JSON (read back with mammoth)', async () => {
    const report = seed002();
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(report)) });
    expect(valuesFromHtmlTables(html, report)).toEqual(asText(report.values));
  });

  it('XLSX of seed 002 holds the same figures, numbers as numbers', async () => {
    const report = seed002();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const got: Record<string, CellValue> = {};
    for (const { sheet, grid, firstRow } of xlsxLayout(report)) {
      const ws = workbook.getWorksheet(sheet)!;
      for (const [key, [r, c]] of keyedPositions(grid)) {
        const v = ws.getCell(firstRow + r, c + 1).value;
        got[key] = v === null || v === undefined ? null : (v as number | string);
      }
    }
    expect(got).toEqual(report.values);
  });

  it('keeps blank cells blank and words as words, in every format', async () => {
    const report: Report = {
      format: 'old2008',
      year: 2018,
      issuer: '六横镇人民政府',
      values: { 'proactive.total': 1132, 'proactive.other_channels': null, 'org.budget': '列入财政预算' },
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const [{ sheet, grid, firstRow }] = xlsxLayout(report);
    const pos = keyedPositions(grid);
    const cell = (key: string) =>
      workbook.getWorksheet(sheet)!.getCell(firstRow + pos.get(key)![0], pos.get(key)![1] + 1).value;
    expect(cell('proactive.other_channels')).toBeNull();
    expect(cell('org.budget')).toBe('列入财政预算');
    expect(valuesFromHtmlTables(renderHtml(report), report)).toEqual({
      'proactive.total': '1132',
      'proactive.other_channels': '',
      'org.budget': '列入财政预算',
    });
  });

  it.each(['old2008', 'new2019', 'new2021'] as const)(
    '%s: a sample report round-trips through DOCX',
    async (format) => {
      const report = sampleReport({ format, seed: 42, otherAsThreeRows: true });
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(report)) });
      expect(valuesFromHtmlTables(html, report)).toEqual(asText(report.values));
    },
  );

  it('indents row labels with classes, not style attributes, which the site\u2019s CSP refuses', () => {
    const html = renderHtml(sampleReport({ format: 'old2008', seed: 2 }));
    expect(html).toMatch(/<t[hd][^>]* class="indent-[1-4]"/);
    expect(html).not.toMatch(/\sstyle\s*=/);
    expect(INDENT_CSS).toContain('table.report-table td.indent-1{padding-left:2em;text-align:left}');
    // The standalone document's <style> is ASCII (font names escaped), so the 繁 conversion cannot change it.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toMatch(/^[\x20-\x7e\n]*$/);
    expect(style).toContain('"\\4eff \\5b8b "'); // 仿宋
    expect(style).toContain(INDENT_CSS);
  });

  it('escapes what it prints', () => {
    const html = renderHtml({
      format: 'old2008',
      year: 2018,
      issuer: '<script>alert(1)</script>',
      values: { 'org.budget': '<b>x</b>' },
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('writes the DOCX in GB/T 9704 style: black 公文 fonts, no blue heading style, wide label columns', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(seed002()));
    const doc = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const font of ['方正小标宋简体', '黑体', '仿宋_GB2312']) expect(doc + styles).toContain(font);
    // Word's default heading colours (blues such as 2F5496, 2E74B5) are gone from every heading style.
    const headingStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="(Title|Heading\d)"[\s\S]*?<\/w:style>/g)];
    expect(headingStyles.length).toBeGreaterThan(0);
    for (const [style] of headingStyles) {
      expect(style).toContain('w:color w:val="000000"');
      expect(style).not.toMatch(/2F5496|4472C4|1F3763|1F4D78|2E74B5|w:themeColor/);
    }
    // Margins: 天头 37mm, 订口 28mm.
    expect(doc).toMatch(/<w:pgMar [^>]*w:top="2098"/);
    expect(doc).toMatch(/<w:pgMar [^>]*w:left="1588"/);
    // In every table with row labels, the label column holds at least eight characters of 五号 (10.5 pt,
    // 210 twips each; it was two characters wide); only the 复议/诉讼 table, all figures, has equal columns.
    const tables = [...doc.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].map((c) => Number(c[1])),
    );
    expect(tables.length).toBeGreaterThan(3);
    const labelled = tables.filter((cols) => Math.max(...cols) >= 8 * 210);
    expect(labelled.length).toBeGreaterThanOrEqual(tables.length - 1);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)(
    'the DOCX converts with libreoffice --headless --convert-to pdf',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gk-docx-'));
      const file = join(dir, 'report.docx');
      writeFileSync(file, await renderDocx(seed002()));
      const r = spawnSync(
        soffice!,
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = readFileSync(join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
    },
    150_000,
  );
});
