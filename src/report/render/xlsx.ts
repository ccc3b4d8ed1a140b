/**
 * The report's tables as an XLSX workbook: one sheet per section, each table under its caption, merged
 * header cells as on the forms, numbers as numbers (blank cells stay empty, never 0).
 */
import ExcelJS from 'exceljs';
import type { Report } from '../model.ts';
import { type Grid, reportGrids, reportTitle } from './grid.ts';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Where each grid starts in its sheet (1-based row), so a reader can find keyed cells again. */
export interface XlsxLayout {
  sheet: string;
  grid: Grid;
  firstRow: number;
}

export function sheetName(section: string): string {
  return section.replace(/[\\/*?:[\]]/g, '').slice(0, 31);
}

export function xlsxLayout(report: Report): XlsxLayout[] {
  const layouts: XlsxLayout[] = [];
  const nextRow = new Map<string, number>();
  for (const grid of reportGrids(report)) {
    const sheet = sheetName(grid.table.section);
    let row = nextRow.get(sheet) ?? 3; // row 1: title; row 2: blank
    if (grid.caption) row += 1;
    layouts.push({ sheet, grid, firstRow: row });
    nextRow.set(sheet, row + grid.rows.length + 1);
  }
  return layouts;
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const { sheet, grid, firstRow } of xlsxLayout(report)) {
    let ws = sheets.get(sheet);
    if (!ws) {
      ws = workbook.addWorksheet(sheet);
      ws.getCell(1, 1).value = reportTitle(report);
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.getColumn(1).width = 28;
      sheets.set(sheet, ws);
    }
    if (grid.caption) ws.getCell(firstRow - 1, 1).value = grid.caption;
    const taken = new Set<string>();
    grid.rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row) {
        while (taken.has(`${r},${c}`)) c++;
        const target = ws.getCell(firstRow + r, c + 1);
        const value = cell.key ? report.values[cell.key] : cell.text;
        target.value = value === null || value === undefined || value === '' ? null : value;
        target.border = BORDER;
        target.alignment = {
          vertical: 'middle',
          horizontal: cell.indent ? 'left' : 'center',
          wrapText: true,
          indent: cell.indent,
        };
        if (cell.header) target.font = { bold: r < grid.headerRows };
        for (let dr = 0; dr < cell.rowspan; dr++)
          for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`);
        if (cell.rowspan > 1 || cell.colspan > 1) {
          ws.mergeCells(firstRow + r, c + 1, firstRow + r + cell.rowspan - 1, c + cell.colspan);
        }
        c += cell.colspan;
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
