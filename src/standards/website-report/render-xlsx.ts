/**
 * The report as an XLSX sheet in the official layout: 栏目 merged over its rows, 项目, 数据 (numbers as numbers,
 * 是/否 as words, blanks empty, never 0) and 单位; the signature line below the table.
 */
import ExcelJS from 'exceljs';
import { websiteGrid } from './grid.ts';
import { displayValue, type WebsiteReport } from './model.ts';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** The sheet's first table row (1: title, 2: 填报单位, 3: header). */
export const FIRST_ROW = 4;

export async function renderWebsiteXlsx(report: WebsiteReport): Promise<Buffer> {
  const grid = websiteGrid(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const ws = workbook.addWorksheet('政府网站工作年度报表');
  ws.columns = [{ width: 20 }, { width: 40 }, { width: 22 }, { width: 8 }];
  ws.mergeCells(1, 1, 1, 4);
  ws.getCell(1, 1).value = grid.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = grid.subtitle;
  ['栏目', '项目', '数据', '单位'].forEach((h, c) => {
    const target = ws.getCell(3, c + 1);
    target.value = h;
    target.font = { bold: true };
    target.border = BORDER;
    target.alignment = { horizontal: 'center' };
  });
  grid.rows.forEach((row, r) => {
    const at = FIRST_ROW + r;
    if (row.section) {
      const last = at + row.section.rowspan - 1;
      ws.getCell(at, 1).value = row.section.text;
      if (row.label === null) ws.mergeCells(at, 1, at, 2);
      else if (last > at) ws.mergeCells(at, 1, last, 1);
    }
    if (row.label !== null) ws.getCell(at, 2).value = `${'　'.repeat(Math.max(0, row.indent - 1))}${row.label}`;
    const v = row.raw;
    ws.getCell(at, 3).value =
      v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : displayValue(v);
    ws.getCell(at, 4).value = row.unit ?? null;
    for (let c = 1; c <= 4; c++) {
      ws.getCell(at, c).border = BORDER;
      ws.getCell(at, c).alignment = { vertical: 'middle', wrapText: true };
    }
  });
  const after = FIRST_ROW + grid.rows.length + 1;
  grid.footer.forEach((f, i) => {
    ws.getCell(after + Math.floor(i / 3), 1 + (i % 3)).value = `${f.label}：${f.value}`;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
