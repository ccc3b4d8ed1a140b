/**
 * Repaired lines → the report: template, year and issuer detected from the content, tables read into
 * canonical keys with provenance, narrative figures as statements (or as the values of a report with no
 * table). The rule check is the pipeline's job; everything it needs is here.
 */
import type { Statement } from '../../report/check.ts';
import type { CellValue, Provenance, TemplateId } from '../../report/model.ts';
import type { TemplateVariant } from '../../report/templates/variants.ts';
import { chineseYears, detectIssuer, detectTemplate, detectYear } from './detect.ts';
import { toItems } from './items.ts';
import type { VariantNeighbour } from './neighbours.ts';
import { findStatements } from './sentences.ts';
import { readTables } from './tables.ts';
import { detectVariant, readVariant } from './variant.ts';

/** A figure stated in the narrative, with the 1-based line where its sentence starts. */
export type ReadStatement = Statement & { line: number };

export interface ReadOptions {
  /** The document's name, for warnings only. */
  source?: string;
  /** The same body's report of the year before (its extraction), whose running totals may decide a split. */
  previous?: PreviousReport;
  /** The same body's report of the year after, likewise (a batch read as a series, src/extract/series.ts). */
  following?: PreviousReport;
}

/** What a report of a year either side lends this one: its year, body, variant and its rows' figures. */
export interface PreviousReport {
  year: number | null;
  issuer?: string | null;
  variant?: string;
  variantFigures?: Record<string, number[]>;
  /** Its rows left out, run together: the cuts its own arithmetic allows. */
  variantCandidates?: Record<string, number[][]>;
  /** Its values (section 二's 上一年项目数量 and 本年增/减 for the years either side). */
  values?: Record<string, CellValue>;
  /** Its section 二 rows of 上一年项目数量 left out: every reading of the run, by row key. */
  sectionTwoCandidates?: Record<string, number[][]>;
}

export interface ExtractionResult {
  format: TemplateId;
  hasTable: boolean;
  year: number | null;
  issuer: string | null;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  statements: ReadStatement[];
  warnings: string[];
  /** A local variant of the table (src/report/templates/variants.ts), when the document prints one. */
  variant?: string;
  /** Rules the variant's printed rows do not allow; the check leaves them out. */
  suspendedRules?: string[];
  /** The variant's rows read, every column, by the row's first label (the next year's report's `previous`). */
  variantFigures?: Record<string, number[]>;
  /** The variant's rows left out, run together: the cuts its own arithmetic allows. */
  variantCandidates?: Record<string, number[][]>;
}

/** A report runs to a few thousand lines; beyond this the rest is not read for tables (bounded time). */
const MAX_TABLE_LINES = 20_000;
/** Warnings kept per document; the rest are counted. */
const MAX_WARNINGS = 50;

function capped(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS), `… ${warnings.length - MAX_WARNINGS} more warnings`];
}

/** The text with spaces and cell separators (|) removed, lines uncut, bounded (4 MB) so a hostile document costs no more. */
function wholeCompact(lines: string[]): string {
  let out = '';
  for (const l of lines.slice(0, MAX_TABLE_LINES)) {
    out += l.replace(/[\s|｜]+/g, '');
    if (out.length > 4_000_000) break;
  }
  return out;
}

/** Never throws: odd input gives `hasTable: false` and a warning. */
export function readReport(lines: string[], opts: ReadOptions = {}): ExtractionResult {
  try {
    return read(Array.isArray(lines) ? lines : [], opts);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      format: 'new2021',
      hasTable: false,
      year: null,
      issuer: null,
      values: {},
      provenance: {},
      statements: [],
      warnings: [`${opts.source ? `${opts.source}: ` : ''}could not read the document: ${why.slice(0, 200)}`],
    };
  }
}

function read(input: string[], opts: ReadOptions): ExtractionResult {
  const lines = input.map((l) => (typeof l === 'string' ? l : ''));
  // What detection scans: the head of the document, lines capped, years in Chinese numerals as digits.
  const head = lines.slice(0, 3_000).map((l, i) => {
    const capped = l.length > 2_000 ? l.slice(0, 2_000) : l;
    return i < 400 ? chineseYears(capped) : capped;
  });
  const year = detectYear(head);
  const compact = lines
    .slice(0, 20_000)
    .map((l) => l.slice(0, 2_000))
    .join('')
    .replace(/\s+/g, '');
  let detected = detectTemplate(compact, year);
  const issuer = detectIssuer(head, year);
  let values: Record<string, CellValue> = {};
  let provenance: Record<string, Provenance> = {};
  const warnings: string[] = [];
  // A variant's header may sit deep in a line (a whole report on one line): looked for in the whole text.
  const variant = detectVariant(wholeCompact(lines));
  const neighbours = variant
    ? {
        previous: neighbourFor(opts.previous, '上一年度', variant, issuer, warnings),
        following: neighbourFor(opts.following, '下一年度', variant, issuer, warnings),
      }
    : {};
  const local = variant ? readVariant(lines.slice(0, MAX_TABLE_LINES), variant, neighbours) : null;
  if (local) {
    detected = { ...detected, format: local.variant.base, hasTable: true };
    values = local.values;
    provenance = local.provenance;
    warnings.push(...local.warnings);
  } else if (detected.hasTable) {
    if (lines.length > MAX_TABLE_LINES) warnings.push(`only the first ${MAX_TABLE_LINES} lines were read for tables`);
    const read = readTables(toItems(lines.slice(0, MAX_TABLE_LINES)), detected.format);
    values = read.values;
    provenance = read.provenance;
    warnings.push(...read.warnings);
    if (Object.keys(values).length === 0) {
      detected = { ...detected, hasTable: false };
      warnings.push('table labels found but no row could be read');
    }
  }
  // A variant's header with no row read (its cells run together): the rows it prints still merge what the
  // rules need apart, so its suspensions hold for the figures the narrative gives instead.
  const suspendedRules = local?.suspendedRules ?? (variant ? variantSuspensions(variant) : undefined);
  if (variant && !local) warnings.push(`${variant.name}: header found but no row could be read (cells run together?)`);
  const statements = findStatements(lines, detected.format);
  if (!detected.hasTable) {
    for (const s of statements) {
      if (s.key in values) continue;
      values[s.key] = s.value;
      provenance[s.key] = { line: s.line, text: s.text };
    }
  }
  // The variant's header names the year its first column counts (指标名称 计量单位 2014年度 历年累计).
  const reportYear = year ?? local?.year ?? null;
  if (reportYear === null) warnings.push('report year not found');
  return {
    format: detected.format,
    hasTable: detected.hasTable,
    year: reportYear,
    issuer,
    values,
    provenance,
    statements: detected.hasTable ? statements : [],
    warnings: capped(warnings),
    ...(variant && suspendedRules ? { variant: variant.id, suspendedRules } : {}),
    ...(local ? { variantFigures: local.figures } : {}),
    ...(local && Object.keys(local.candidates).length > 0 ? { variantCandidates: local.candidates } : {}),
  };
}

/**
 * A neighbouring report's figures where they can count: the same variant and, where both name it, the same
 * body (the year is checked against the table's header by the variant reader). Otherwise named and unused.
 */
function neighbourFor(
  report: PreviousReport | undefined,
  which: string,
  variant: TemplateVariant,
  issuer: string | null,
  warnings: string[],
): VariantNeighbour | undefined {
  if (!report) return undefined;
  const sameBody = !issuer || !report.issuer || report.issuer === issuer;
  if (report.variant !== variant.id || !report.variantFigures || report.year === null || !sameBody) {
    warnings.push(
      `${which}报告未使用：${!sameBody ? `发布机关不同（${report.issuer}）` : `不是${variant.name}`} (${which === '上一年度' ? 'previous' : 'following'} report not used)`,
    );
    return undefined;
  }
  return {
    year: report.year,
    figures: report.variantFigures,
    ...(report.variantCandidates ? { candidates: report.variantCandidates } : {}),
  };
}

/** Every rule a variant's merged rows suspend. */
function variantSuspensions(variant: TemplateVariant): string[] {
  return [...new Set(variant.rows.flatMap((row) => row.suspends ?? []))];
}
