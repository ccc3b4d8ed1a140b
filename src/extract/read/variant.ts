/**
 * Reading a local variant of the statistical table (src/report/templates/variants.ts). The variant's table is
 * read as a stream of cells, whatever the layout kept of it: one line per row, one cell per line, cells
 * between `|` separators, or the whole report on one line (crawler and archive text). After the header, each
 * row is its label, its unit and one number per column; the year's own column is kept. A label no key means
 * the same as is named in the warnings; cells run together (`主动公开信息数条20263542`) cannot be split
 * without guessing and are left out, named.
 */
import type { CellValue, Provenance } from '../../report/model.ts';
import { type TemplateVariant, VARIANTS, type VariantRow, variantLabel } from '../../report/templates/variants.ts';

export interface VariantRead {
  variant: TemplateVariant;
  /** The year the header names for the first number column. */
  year: number;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  /** Rules the printed rows do not allow (a row merging rows the rule needs apart). */
  suspendedRules: string[];
  warnings: string[];
}

interface Cell {
  text: string;
  line: number;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** At most this many cells of label before a unit and numbers; past it the table has ended. */
const MAX_LABEL_CELLS = 6;
/** How far after the header's first cell its last one may be. */
const MAX_HEADER_CELLS = 12;

function cellsOf(lines: string[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < lines.length; i++) {
    // The header may follow other text with no space (a title run into the table on one line).
    const line = lines[i].replace(/(?<=\S)指标名称/g, ' 指标名称');
    for (const text of line.split(/[\s|｜\u00a0\u3000]+/)) if (text) cells.push({ text, line: i + 1 });
  }
  return cells;
}

/** The variant whose header the text carries, if any (text with spaces removed). */
export function detectVariant(compact: string): TemplateVariant | undefined {
  return VARIANTS.find((v) => v.header.test(compact));
}

/** Where the header ends in the cells: the index after its last cell, and the year it names. */
function afterHeader(cells: Cell[], variant: TemplateVariant): { at: number; year: number } | null {
  const anchored = new RegExp(`^${variant.header.source}$`);
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i].text.startsWith('指标')) continue;
    let joined = '';
    for (let k = i; k < Math.min(cells.length, i + MAX_HEADER_CELLS); k++) {
      joined += cells[k].text;
      const m = anchored.exec(joined);
      if (m) return { at: k + 1, year: Number(m[1]) };
    }
  }
  return null;
}

export function readVariant(lines: string[], variant: TemplateVariant): VariantRead | null {
  const cells = cellsOf(lines);
  const header = afterHeader(cells, variant);
  if (!header) return null;
  const byLabel = new Map<string, VariantRow>();
  for (const row of variant.rows) for (const label of row.labels) byLabel.set(label, row);
  const units = new Set(variant.units);
  const runTogether = new RegExp(`^(.+?)(${variant.units.join('|')})(\\d+(?:\\.\\d+)?)$`);
  const n = variant.columns.length;
  const out: VariantRead = {
    variant,
    year: header.year,
    values: {},
    provenance: {},
    suspendedRules: [],
    warnings: [],
  };
  let label: Cell[] = [];
  for (let i = header.at; i < cells.length; i++) {
    const cell = cells[i];
    const numbers = cells.slice(i + 1, i + 1 + n);
    if (units.has(cell.text) && label.length > 0 && numbers.length === n && numbers.every((c) => NUMBER.test(c.text))) {
      take(out, variant, byLabel, label, numbers);
      label = [];
      i += n;
      continue;
    }
    const printed = numbers.findIndex((c) => !NUMBER.test(c.text));
    if (units.has(cell.text) && label.length > 0 && printed > 0) {
      // Fewer numbers than columns (`2、政府公报公开 条 0 受理…`): which column the number is in is not printed.
      out.warnings.push(
        `第${cell.line}行「${label.map((c) => c.text).join('')}」：${printed}个数字、${n}列，不知属于哪一列，未读取 (fewer numbers than columns; left out)`,
      );
      label = [];
      i += printed;
      continue;
    }
    const stuck = runTogether.exec(cell.text);
    if (stuck && !NUMBER.test(cell.text)) {
      // Label, unit and the numbers of every column in one cell: where one number ends is not printed.
      out.warnings.push(
        `第${cell.line}行「${cell.text}」：单位与各列数字连在一起，无法确定分隔位置，未读取 (cells run together; left out)`,
      );
      label = [];
      continue;
    }
    if (NUMBER.test(cell.text) || label.length >= MAX_LABEL_CELLS) break;
    label.push(cell);
  }
  out.suspendedRules = [...new Set(out.suspendedRules)];
  return Object.keys(out.values).length > 0 ? out : null;
}

function take(
  out: VariantRead,
  variant: TemplateVariant,
  byLabel: Map<string, VariantRow>,
  label: Cell[],
  numbers: Cell[],
): void {
  const printed = label.map((c) => c.text).join('');
  const row = byLabel.get(variantLabel(printed));
  const line = label[0].line;
  if (!row) {
    out.warnings.push(`第${line}行「${printed}」：${variant.name}中没有这一行，未读取 (unknown row)`);
    return;
  }
  if (row.suspends) out.suspendedRules.push(...row.suspends);
  if (row.key === null) {
    out.warnings.push(`第${line}行「${printed}」：${row.why ?? '无对应指标'}，未读取 (no canonical key)`);
    return;
  }
  if (row.key in out.values) return; // the first printing of a row stands
  out.values[row.key] = Number(numbers[variant.yearColumn].text);
  out.provenance[row.key] = {
    line,
    text: `${printed} ${numbers.map((c) => c.text).join(' ')}（${variant.columns[variant.yearColumn]}）`,
  };
}
