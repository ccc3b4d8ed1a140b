/**
 * The problem list of 年报审核 as an XLSX workbook: a title row, a row saying when it was exported and how it
 * was filtered, the header, then one row per problem — the unit, the report, the kind, the message and the
 * cells involved by their official labels and sections (never internal keys), and the repeat rate.
 */
import ExcelJS from 'exceljs';
import { PROBLEM_KIND_NAMES, percent } from './problems.ts';
import { ORIGIN_NAMES, REPORT_STATUS_NAMES, type UnitAudit } from './query.ts';

export const AUDIT_HEADER = [
  '序号',
  '单位',
  '报告年度',
  '报告来源',
  '报告状态',
  '问题类型',
  '问题说明',
  '涉及单元格',
  '所在部分',
  '重复率',
] as const;

/** The row the header is on; data rows follow it. */
export const AUDIT_HEADER_ROW = 3;

const WIDTHS = [6, 28, 10, 12, 10, 16, 60, 40, 30, 8];

export async function auditXlsx(
  units: readonly UnitAudit[],
  info: { title: string; exportedAt: string; filters: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('问题清单', {
    views: [{ state: 'frozen', ySplit: AUDIT_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const count = units.reduce((n, u) => n + u.problems.length, 0);
  sheet.mergeCells(1, 1, 1, AUDIT_HEADER.length);
  sheet.getCell(1, 1).value = info.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, AUDIT_HEADER.length);
  sheet.getCell(2, 1).value =
    `导出时间：${info.exportedAt}　共 ${units.length} 个单位 ${count} 个问题　${info.filters}`;
  const header = sheet.getRow(AUDIT_HEADER_ROW);
  header.values = [...AUDIT_HEADER];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  let n = 0;
  for (const u of units) {
    for (const p of u.problems) {
      sheet.addRow([
        ++n,
        u.agencyName,
        u.year,
        ORIGIN_NAMES[u.origin],
        REPORT_STATUS_NAMES[u.status],
        PROBLEM_KIND_NAMES[p.kind],
        p.message,
        p.cells.map((c) => c.label).join('；'),
        [...new Set(p.cells.map((c) => c.section).filter(Boolean))].join('；'),
        p.repeatRate === undefined ? '' : percent(p.repeatRate),
      ]);
    }
  }
  for (const col of [7, 8]) sheet.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = {
    from: { row: AUDIT_HEADER_ROW, column: 1 },
    to: { row: AUDIT_HEADER_ROW, column: AUDIT_HEADER.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
