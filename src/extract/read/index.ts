/**
 * Repaired lines → the report: template, year and issuer detected from the content, tables read into
 * canonical keys with provenance, narrative figures as statements (or as the values of a report with no
 * table). The rule check is the pipeline's job; everything it needs is here.
 */
import type { Statement } from '../../report/check.ts';
import type { CellValue, Provenance, TemplateId } from '../../report/model.ts';
import { detectIssuer, detectTemplate, detectYear } from './detect.ts';
import { toItems } from './items.ts';
import { findStatements } from './sentences.ts';
import { readTables } from './tables.ts';

export interface ExtractionResult {
  format: TemplateId;
  hasTable: boolean;
  year: number | null;
  issuer: string | null;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  statements: Statement[];
  warnings: string[];
}

export function readReport(lines: string[]): ExtractionResult {
  const year = detectYear(lines);
  const compact = lines
    .slice(0, 20_000)
    .map((l) => l.slice(0, 2_000))
    .join('')
    .replace(/\s+/g, '');
  let detected = detectTemplate(compact, year);
  const issuer = detectIssuer(lines, year);
  let values: Record<string, CellValue> = {};
  let provenance: Record<string, Provenance> = {};
  const warnings: string[] = [];
  if (detected.hasTable) {
    const read = readTables(toItems(lines), detected.format);
    values = read.values;
    provenance = read.provenance;
    warnings.push(...read.warnings);
    if (Object.keys(values).length === 0) {
      detected = { ...detected, hasTable: false };
      warnings.push('table labels found but no row could be read');
    }
  }
  const statements = findStatements(lines, detected.format);
  if (!detected.hasTable) {
    for (const s of statements) {
      if (s.key in values) continue;
      values[s.key] = s.value;
      provenance[s.key] = { line: s.line ?? 0, text: s.text };
    }
  }
  if (year === null) warnings.push('report year not found');
  return {
    format: detected.format,
    hasTable: detected.hasTable,
    year,
    issuer,
    values,
    provenance,
    statements: detected.hasTable ? statements : [],
    warnings,
  };
}
