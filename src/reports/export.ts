/**
 * The imported dataset as CSV, XLSX or JSON: one row per report, one column per canonical key of the
 * template (keys of all templates when mixed), blanks empty, never 0.
 */
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../db/schema/reports.ts';
import type { TemplateId } from '../report/model.ts';
import { keysOf } from '../report/templates/index.ts';

const META = ['id', 'issuer', 'year', 'format', 'errors', 'source'] as const;

function columns(rows: AnnualReport[]): string[] {
  const formats = [...new Set(rows.map((r) => r.format as TemplateId))];
  return [...new Set(formats.flatMap((f) => keysOf(f)))];
}

function cells(row: AnnualReport, keys: string[]): (string | number | null)[] {
  return [
    row.id,
    row.issuer,
    row.year,
    row.format,
    row.errorCount,
    row.source ?? '',
    ...keys.map((k) => row.values[k] ?? null),
  ];
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = v;
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s;
};

export function toCsv(rows: AnnualReport[]): string {
  const keys = columns(rows);
  const lines = [[...META, ...keys].join(','), ...rows.map((r) => cells(r, keys).map(csvCell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: AnnualReport[]): Promise<Buffer> {
  const keys = columns(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('reports');
  ws.addRow([...META, ...keys]);
  for (const r of rows) ws.addRow(cells(r, keys));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toJson(rows: AnnualReport[]) {
  return rows.map((r) => ({
    id: r.id,
    issuer: r.issuer,
    year: r.year,
    format: r.format,
    hasTable: r.hasTable,
    errors: r.errorCount,
    source: r.source,
    values: r.values,
    findings: r.findings,
  }));
}
