/**
 * The register exported as an XLSX workbook in the layout offices keep for their 政府信息公开申请登记台账:
 * 序号, 受理编号, 申请人, 申请内容, 收到日期, 答复期限, 答复日期, 答复结果, 送达方式, 承办人, 备注 — a title row,
 * a row saying when it was exported and how it was filtered, the header, then one row per case in the
 * register's order. Names are masked exactly as on the page (register.ts).
 */
import ExcelJS from 'exceljs';
import { STATE_NAMES } from './lifecycle.ts';
import type { RegisterRow } from './register.ts';

export const REGISTER_HEADER = [
  '序号',
  '受理编号',
  '申请人',
  '申请内容',
  '收到日期',
  '答复期限',
  '答复日期',
  '答复结果',
  '送达方式',
  '承办人',
  '备注',
] as const;

/** The row the header is on; data rows follow it. */
export const REGISTER_HEADER_ROW = 3;

const WIDTHS = [6, 13, 16, 48, 12, 12, 12, 30, 10, 10, 28];

const CHANNEL_NOTE: Record<string, string> = {
  online: '网上申请',
  in_person: '当面提交',
  post: '信函申请',
  fax: '传真申请',
  email: '电子邮件申请',
};

/** 备注: how it came in, the state of an open case, and what happened on the way (补正, 延期, 逾期). */
export function registerNote(r: RegisterRow): string {
  const notes = [CHANNEL_NOTE[r.channel] ?? r.channel];
  if (r.state !== 'replied') notes.push(STATE_NAMES[r.state]);
  if (r.correctionRequestedOn) notes.push('曾告知补正');
  if (r.extended) notes.push('延长答复期限');
  if (r.overdue) notes.push('逾期未答复');
  else if (r.closedOn && r.closedOn > r.dueOn) notes.push('逾期答复');
  return notes.join('；');
}

export async function registerXlsx(
  rows: readonly RegisterRow[],
  info: { title: string; exportedAt: string; filters: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('登记台账', {
    views: [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, REGISTER_HEADER.length);
  sheet.getCell(1, 1).value = info.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, REGISTER_HEADER.length);
  sheet.getCell(2, 1).value = `导出时间：${info.exportedAt}　共 ${rows.length} 件　${info.filters}`;
  const header = sheet.getRow(REGISTER_HEADER_ROW);
  header.values = [...REGISTER_HEADER];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.caseNumber,
      r.applicantName,
      r.subject,
      r.receivedOn,
      r.dueOn,
      r.closedOn ?? '',
      r.outcomeLabel ?? '',
      r.formWanted,
      r.handlerName ?? '',
      registerNote(r),
    ]);
  });
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: REGISTER_HEADER_ROW, column: 1 }, to: { row: REGISTER_HEADER_ROW, column: 11 } };
  // Fast deflate and inline strings: 10,000 rows in about half the time of the defaults, a fifth larger.
  return Buffer.from(
    await workbook.xlsx.writeBuffer({
      useSharedStrings: false,
      zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
    }),
  );
}
