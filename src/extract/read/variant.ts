/**
 * Reading a local variant of the statistical table (src/report/templates/variants.ts). The variant's table is
 * read as a stream of cells, whatever the layout kept of it: one line per row, one cell per line, cells
 * between `|` separators, or the whole report on one line (crawler and archive text). After the header, each
 * row is its label, its unit and one number per column; the year's own column is kept. A label no key means
 * the same as is named in the warnings. Cells run together (`主动公开信息数条20263542`, or every row in one
 * cell: variant-cells.ts) are split only where the variant's arithmetic leaves one cut (a running total never
 * below its year, a whole never below its parts read: run-together.ts), or else where the same body's reports
 * of the years either side do (the running total against theirs: neighbours.ts, named in the warning and the
 * value's provenance); otherwise they are left out, named in the warnings, their possible cuts kept for the
 * years either side.
 */
import type { CellValue, Provenance } from '../../report/model.ts';
import { type TemplateVariant, VARIANTS, type VariantRow, variantLabel } from '../../report/templates/variants.ts';
import { cutsByNeighbours, type NeighbourCut, type VariantNeighbour } from './neighbours.ts';
import { allowedCuts, type RowArithmetic } from './run-together.ts';
import { gluedRowSplitter } from './variant-cells.ts';

export interface VariantRead {
  variant: TemplateVariant;
  /** The year the header names for the first number column. */
  year: number;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  /** Rules the printed rows do not allow (a row merging rows the rule needs apart). */
  suspendedRules: string[];
  warnings: string[];
  /** Every row read, by the row's first label, with the figures of every column (for the next year's report). */
  figures: Record<string, number[]>;
  /** Rows left out, run together: every cut the table's own arithmetic allows (for the years either side). */
  candidates: Record<string, number[][]>;
}

/** The same body's reports of the years either side, as their extractions gave them. */
export interface VariantNeighbours {
  previous?: VariantNeighbour;
  following?: VariantNeighbour;
}

/** Candidate cuts kept for a row left out; past this the row lends nothing. */
const MAX_CANDIDATES = 64;

interface Cell {
  text: string;
  line: number;
}

/** A row whose unit and figures were printed as one run (`条20263542`): resolved once every other row is read. */
interface Stuck {
  label: Cell[];
  digits: string;
  /** The cell as printed, for the warning. */
  printed: string;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** At most this many cells of label before a unit and numbers; past it the table has ended. */
const MAX_LABEL_CELLS = 6;
/** How far after the header's first cell its last one may be. */
const MAX_HEADER_CELLS = 12;

function cellsOf(lines: string[], variant: TemplateVariant): Cell[] {
  const cells: Cell[] = [];
  const headerGlued = new RegExp(variant.header.source, 'g');
  const splitGlued = gluedRowSplitter(variant.units);
  for (let i = 0; i < lines.length; i++) {
    // The header may follow other text with no space (a title run into the table on one line), and the
    // first row may follow it with none (`…历年累计主动公开文件数条…`).
    const line = lines[i].replace(/(?<=\S)指标名称/g, ' 指标名称').replace(headerGlued, '$& ');
    for (const text of line.split(/[\s|｜\u00a0\u3000]+/)) {
      if (!text) continue;
      for (const piece of splitGlued(text)) cells.push({ text: piece, line: i + 1 });
    }
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

export function readVariant(
  lines: string[],
  variant: TemplateVariant,
  neighbours: VariantNeighbours = {},
): VariantRead | null {
  const cells = cellsOf(lines, variant);
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
    figures: {},
    candidates: {},
  };
  let label: Cell[] = [];
  const stuck: Stuck[] = [];
  /** Every row read, by its first label, with the figures of every column (for the arithmetic of run-together cells). */
  const figures = new Map<string, number[]>();
  for (let i = header.at; i < cells.length; i++) {
    const cell = cells[i];
    const numbers = cells.slice(i + 1, i + 1 + n);
    if (units.has(cell.text) && label.length > 0 && numbers.length === n && numbers.every((c) => NUMBER.test(c.text))) {
      take(out, variant, byLabel, label, numbers, figures);
      label = [];
      i += n;
      continue;
    }
    // The unit a cell of its own, the figures one run after it (`条 20263542`): a run long enough to hold
    // every column (a shorter one is a row printing fewer numbers than columns, below).
    const first = numbers[0]?.text ?? '';
    if (units.has(cell.text) && label.length > 0 && n > 1 && /^\d+$/.test(first) && first.length >= n) {
      const next = numbers.findIndex((c) => !NUMBER.test(c.text));
      // The run followed by the next row's label, or the table's last row (nothing after it).
      if (next === 1 || (next === -1 && i + 2 === cells.length)) {
        stuck.push({
          label,
          digits: numbers[0].text,
          printed: `${label.map((c) => c.text).join('')}${cell.text}${numbers[0].text}`,
        });
        label = [];
        i += 1;
        continue;
      }
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
    const run = runTogether.exec(cell.text);
    if (run && !NUMBER.test(cell.text)) {
      // Label, unit and the numbers of every column in one cell: where one number ends is not printed.
      stuck.push({ label: [...label, { text: run[1], line: cell.line }], digits: run[3], printed: cell.text });
      label = [];
      continue;
    }
    if (NUMBER.test(cell.text) || label.length >= MAX_LABEL_CELLS) break;
    label.push(cell);
  }
  const near = besideYears(neighbours, header.year, out.warnings);
  // A row split may bound another (a part read bounds its whole): again until a pass splits nothing more.
  let left = stuck;
  for (let progress = true; progress && left.length > 0; ) {
    const before = left.length;
    left = left.filter((s) => !resolveStuck(out, variant, byLabel, s, figures, near));
    progress = left.length < before;
  }
  for (const s of left) leaveOut(out, variant, byLabel, s, figures, near);
  out.suspendedRules = [...new Set(out.suspendedRules)];
  out.figures = Object.fromEntries(figures);
  return Object.keys(out.values).length > 0 ? out : null;
}

/** What the variant's arithmetic and the rows read say of a row's figures. */
function arithmeticOf(
  variant: TemplateVariant,
  row: VariantRow | undefined,
  figures: Map<string, number[]>,
): RowArithmetic {
  const n = variant.columns.length;
  const atLeast: (number | undefined)[] = Array(n).fill(undefined);
  const atMost: (number | undefined)[] = Array(n).fill(undefined);
  const id = row?.labels[0];
  const sum = (ids: string[], col: number) => ids.reduce((total, part) => total + (figures.get(part)?.[col] ?? 0), 0);
  for (const { whole, parts, overlapping } of variant.wholes ?? []) {
    if (id === undefined) break;
    // Parts that may overlap bound the whole one at a time; parts that do not, by their sum.
    const others = (col: number) =>
      overlapping
        ? 0
        : sum(
            parts.filter((p) => p !== id),
            col,
          );
    const least = (col: number) =>
      overlapping ? Math.max(...parts.map((p) => figures.get(p)?.[col] ?? 0)) : sum(parts, col);
    for (let col = 0; col < n; col++) {
      if (id === whole && parts.some((p) => figures.has(p))) atLeast[col] = Math.max(atLeast[col] ?? 0, least(col));
      const wholeFigures = figures.get(whole);
      if (parts.includes(id) && wholeFigures) {
        const bound = wholeFigures[col] - others(col);
        atMost[col] = Math.min(atMost[col] ?? bound, bound);
      }
    }
  }
  return { neverBelow: variant.neverBelow, atLeast, atMost };
}

/** The neighbours that are the years either side of the table's; another year is named and not used. */
function besideYears(neighbours: VariantNeighbours, year: number, warnings: string[]): VariantNeighbours {
  const near: VariantNeighbours = {};
  const { previous, following } = neighbours;
  if (previous?.year === year - 1) near.previous = previous;
  else if (previous)
    warnings.push(
      `上一年度报告未使用：其年份为${previous.year}年，本表为${year}年度 (previous report not used: not the year before)`,
    );
  if (following?.year === year + 1) near.following = following;
  else if (following)
    warnings.push(
      `下一年度报告未使用：其年份为${following.year}年，本表为${year}年度 (following report not used: not the year after)`,
    );
  return near;
}

const YEAR_NAMES = { previous: '上一年度', following: '下一年度' } as const;

/** What the neighbours leave of a row's cuts, if the variant keeps a running total and they lend the row. */
function neighbourCuts(
  variant: TemplateVariant,
  row: VariantRow | undefined,
  allowed: number[][],
  near: VariantNeighbours,
): NeighbourCut | undefined {
  if (!row || !variant.runningTotal || allowed.length < 2) return undefined;
  return cutsByNeighbours(allowed, row.labels[0], variant.runningTotal, near.previous, near.following);
}

/** A row still run together once no pass splits more: left out, named with why, its cuts kept as candidates. */
function leaveOut(
  out: VariantRead,
  variant: TemplateVariant,
  byLabel: Map<string, VariantRow>,
  stuck: Stuck,
  figures: Map<string, number[]>,
  near: VariantNeighbours,
): void {
  const row = byLabel.get(variantLabel(stuck.label.map((c) => c.text).join('')));
  const allowed = allowedCuts(stuck.digits, variant.columns.length, arithmeticOf(variant, row, figures));
  if (row && allowed.length > 1 && allowed.length <= MAX_CANDIDATES && !figures.has(row.labels[0]))
    out.candidates[row.labels[0]] = allowed;
  const byNeighbours = neighbourCuts(variant, row, allowed, near);
  const why = byNeighbours
    ? `；与${byNeighbours.by.map((b) => YEAR_NAMES[b]).join('、')}历年累计相符的拆分 ${byNeighbours.cuts.length} 种`
    : near.previous || near.following
      ? '；与相邻年度历年累计相符的拆分 0 种'
      : '';
  out.warnings.push(
    `第${stuck.label[0].line}行「${stuck.printed}」：单位与各列数字连在一起，无法确定分隔位置（${allowed.length} 种拆分与本表算术相符${why}），未读取 (cells run together; left out)`,
  );
}

/** Splits the row where the arithmetic, or else the years either side, leave one cut; false if none does. */
function resolveStuck(
  out: VariantRead,
  variant: TemplateVariant,
  byLabel: Map<string, VariantRow>,
  stuck: Stuck,
  figures: Map<string, number[]>,
  near: VariantNeighbours,
): boolean {
  const line = stuck.label[0].line;
  const row = byLabel.get(variantLabel(stuck.label.map((c) => c.text).join('')));
  const n = variant.columns.length;
  let allowed = allowedCuts(stuck.digits, n, arithmeticOf(variant, row, figures));
  let how = "按本表算术关系唯一拆分为 {split} (cells run together; split by the table's arithmetic)";
  let lent = '';
  const byNeighbours = neighbourCuts(variant, row, allowed, near);
  if (byNeighbours?.cuts.length === 1 && row && variant.runningTotal) {
    allowed = byNeighbours.cuts;
    lent = byNeighbours.by.map((b) => `${YEAR_NAMES[b]}（${near[b]?.year}年）`).join('、');
    const last = near.previous?.figures[row.labels[0]]?.[variant.runningTotal.total];
    how =
      byNeighbours.by.length === 1 && byNeighbours.by[0] === 'previous' && last !== undefined
        ? `按${lent}报告的历年累计 ${last} 加本年度唯一拆分为 {split} (cells run together; split by the previous year's running total)`
        : `按${lent}报告的历年累计唯一拆分为 {split} (cells run together; split by the running totals of the years either side)`;
  }
  if (allowed.length !== 1) return false;
  const [split] = allowed;
  out.warnings.push(
    `第${line}行「${stuck.printed}」：单位与各列数字连在一起，${how.replace('{split}', split.join(' | '))}`,
  );
  take(
    out,
    variant,
    byLabel,
    stuck.label,
    split.map((v) => ({ text: String(v), line })),
    figures,
  );
  // The value owes its split to other documents: its provenance says so.
  const taken = row?.key ? out.provenance[row.key] : undefined;
  if (lent && taken?.line === line && !taken.text.includes('历年累计拆分')) taken.text += `；按${lent}历年累计拆分`;
  return true;
}

function take(
  out: VariantRead,
  variant: TemplateVariant,
  byLabel: Map<string, VariantRow>,
  label: Cell[],
  numbers: Cell[],
  figures: Map<string, number[]>,
): void {
  const printed = label.map((c) => c.text).join('');
  const row = byLabel.get(variantLabel(printed));
  const line = label[0].line;
  if (row && !figures.has(row.labels[0]))
    figures.set(
      row.labels[0],
      numbers.map((c) => Number(c.text)),
    );
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
