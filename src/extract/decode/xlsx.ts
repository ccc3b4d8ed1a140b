/**
 * XLSX → lines, the shape of the HTML path: each sheet's name a line (the renderer names sheets after the
 * report's sections), then one line per row, cells joined by tabs. A merged cell's value repeats in every
 * slot it covers (exceljs gives a covered cell its master's value). Formulas give their cached result.
 * Some agencies publish the statistical tables as a workbook beside the text.
 */
import type { CellValue as ExcelValue, Workbook } from 'exceljs';

function cellString(value: ExcelValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined ? cellString(value.result as ExcelValue) : '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellString(value.text as ExcelValue);
  if ('error' in value) return '';
  return '';
}

const oneLine = (s: string) =>
  s.replace(/\s*\n\s*/g, (gap, i: number, all: string) =>
    /[\u3400-\u9fff]/.test(all[i - 1] ?? '') && /[\u3400-\u9fff]/.test(all[i + gap.length] ?? '') ? '' : ' ',
  );

export async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state && sheet.state !== 'visible') return;
    lines.push('', sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(oneLine(cellString(row.getCell(c).value).trim()));
      if (cells.some((cell) => cell !== '')) lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}
