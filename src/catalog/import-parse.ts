/**
 * Reading a bulk-import file (CSV or XLSX) into rows keyed by the Chinese column headers, with the
 * spreadsheet row number of each (the header is row 1).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';

export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** RFC 4180 CSV: quoted fields with "" escapes and new lines; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function toRows(table: string[][]): SheetRow[] {
  if (table.length === 0) throw new AppError('bad_input', '导入文件为空');
  const header = table[0].map((h) => h.trim().replace(/[*＊]$/, ''));
  const out: SheetRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const values = table[i];
    if (values.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h) cells[h] = (values[j] ?? '').trim();
    });
    out.push({ row: i + 1, cells });
  }
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** The rows of a CSV (UTF-8) or XLSX file (the first worksheet). */
export async function readImportFile(bytes: Uint8Array, filename: string): Promise<SheetRow[]> {
  if (filename.toLowerCase().endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new AppError('bad_input', '无法读取 XLSX 文件');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('bad_input', 'XLSX 文件没有工作表');
    const table: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) values.push(cellText(row.getCell(c).value));
      table[n - 1] = values;
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
    return toRows(table);
  }
  return toRows(parseCsv(new TextDecoder('utf-8').decode(bytes)));
}
