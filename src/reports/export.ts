/**
 * The dataset as CSV, XLSX or JSON: one row per report, one column per indicator of the template
 * (indicators of all templates when mixed), headed by its official name (the section, the table's caption
 * and the row/column labels as printed), blanks empty, never 0. JSON keeps the canonical keys beside the
 * names (`indicators` maps each key to its name) for programs.
 */

import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../db/schema/reports.ts';
import type { TemplateId } from '../report/model.ts';
import { getTemplate, keyInfo, keysOf } from '../report/templates/index.ts';

const META = ['编号', '机关', '年度', '报告格式', '勾稽关系错误数', '来源'] as const;

/** The name of a canonical key as the report prints it: 二、主动公开政府信息情况 第二十条第（一）项：规章（制发件数）. */
export function indicatorName(format: TemplateId, key: string): string {
  const info = keyInfo(format, key);
  if (!info) return key;
  const table = getTemplate(format).tables.find((t) => t.id === info.table);
  const where = [table?.section, table?.caption].filter(Boolean).join(' ');
  return where ? `${where}：${info.label}` : info.label;
}

function columns(rows: AnnualReport[]): { key: string; name: string }[] {
  const formats = [...new Set(rows.map((r) => r.format as TemplateId))];
  const named = new Map<string, string>();
  for (const f of formats) for (const key of keysOf(f)) if (!named.has(key)) named.set(key, indicatorName(f, key));
  const seen = new Map<string, number>();
  for (const name of named.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  // Two templates may print the same words for different keys: the key then tells them apart.
  return [...named].map(([key, name]) => ({ key, name: (seen.get(name) ?? 0) > 1 ? `${name}〔${key}〕` : name }));
}

const FORMAT_NAMES: Record<string, string> = { old2008: '2008年格式', new2019: '2019年格式', new2021: '2021年格式' };
/** Where a report came from, for the public: the document's file name (never the server's path), or this platform. */
export function sourceName(row: Pick<AnnualReport, 'origin' | 'source'>): string {
  if (row.origin === 'computed') return '本平台发布';
  return row.source ? basename(row.source.replaceAll('\\', '/')) : '';
}
export const formatName = (format: string) => FORMAT_NAMES[format] ?? format;

function cells(row: AnnualReport, keys: { key: string }[]): (string | number | null)[] {
  return [
    row.id,
    row.issuer,
    row.year,
    formatName(row.format),
    row.errorCount,
    sourceName(row),
    ...keys.map(({ key }) => row.values[key] ?? null),
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
  const lines = [
    [...META, ...keys.map((k) => k.name)].map(csvCell).join(','),
    ...rows.map((r) => cells(r, keys).map(csvCell).join(',')),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: AnnualReport[]): Promise<Buffer> {
  const keys = columns(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('reports');
  ws.addRow([...META, ...keys.map((k) => k.name)]);
  for (const r of rows) ws.addRow(cells(r, keys));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toJson(rows: AnnualReport[]) {
  return {
    indicators: Object.fromEntries(columns(rows).map((k) => [k.key, k.name])),
    reports: rows.map((r) => ({
      id: r.id,
      issuer: r.issuer,
      year: r.year,
      format: r.format,
      formatName: formatName(r.format),
      hasTable: r.hasTable,
      errors: r.errorCount,
      source: sourceName(r),
      values: r.values,
      findings: r.findings,
    })),
  };
}
