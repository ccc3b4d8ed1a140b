/**
 * Reading the statistical tables from items: rows are matched to the template by their labels, values
 * gathered after each label until the next one. The section being read (二, 三, 四 of the new formats; the
 * 统计表 of the old one) decides which rows a label may name.
 */
import type { CellValue, Provenance, TemplateId } from '../../report/model.ts';
import type { RowDef, TableDef, ValueKind } from '../../report/template.ts';
import { getTemplate, REVIEW_LITIGATION_KEYS } from '../../report/templates/index.ts';
import { cellNumber } from './cells.ts';
import type { Item, ValueItem } from './items.ts';
import { bestMatch, type Candidate, hasNumbering, labelSegments, normalizeLabel } from './labels.ts';

export interface TableRead {
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  warnings: string[];
}

interface RowTarget {
  row: RowDef;
  table: TableDef;
  /** Value keys in column order. */
  keys: string[];
  kinds: ValueKind[];
  units: (string | undefined)[];
}

interface Pending {
  target: RowTarget;
  line: number;
  values: ValueItem[];
  unit?: string;
  words?: { text: string; line: number };
  /** Value cells met so far, skipped ones included (for the subtotal column). */
  seen: number;
}

const candidateCache = new Map<string, Candidate<RowTarget>[]>();

/** Candidates for the tables of a template, built once per template and table set. */
function cachedCandidates(format: TemplateId, tables: TableDef[]): Candidate<RowTarget>[] {
  const key = `${format}:${tables.map((t) => t.id).join(',')}`;
  let found = candidateCache.get(key);
  if (!found) {
    found = candidatesOf(tables);
    candidateCache.set(key, found);
  }
  return found;
}

function candidatesOf(tables: TableDef[]): Candidate<RowTarget>[] {
  const out: Candidate<RowTarget>[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      if (!row.key) continue;
      const columns = table.kind === 'list' ? [undefined] : (table.columns ?? []);
      const target: RowTarget = {
        row,
        table,
        keys: columns.map((c) => (c ? `${row.key}.${c.key}` : row.key!)),
        kinds: columns.map((c) => c?.kind ?? row.kind ?? 'count'),
        units: columns.map((c) => c?.unit ?? row.unit),
      };
      const forms = [row.label, ...(row.aliases ?? [])].map(normalizeLabel);
      out.push({ forms: [...new Set(forms)], item: target, index: out.length });
    }
  }
  return out;
}

/** A money unit in a label or header: `（元）`, `(单位：万元)`. */
const LABEL_UNIT = /[（(]\s*(?:单位\s*[:：]\s*)?(万元|元)\s*[)）]/;
/** A header cell of its own that only gives the unit (the amount header wrapped: `采购总金额` / `（单位：元）`). */
const UNIT_NOTE = /^[（(](?:单位[:：])?(万元|元)[)）]$/;
// One run for the spaces and the bracket, not `\s*[（(]?\s*` (quadratic in a run of spaces, issue #19).
const HEADER_AMOUNT_UNIT = /金额[\s（(]*(?:单位\s*[:：]\s*)?(万元|元)/;

const NONE: ReadonlySet<number> = new Set();

const WORDS_VALUE = /^[\u4e00-\u9fa5]{2,12}$/;

class TableReader {
  readonly values: Record<string, CellValue> = {};
  readonly provenance: Record<string, Provenance> = {};
  readonly warnings: string[] = [];
  private pending: Pending | null = null;
  private cursor = -1;
  /** The printed position of a column to skip in the application table (a 小计 some software adds). */
  skipColumn: number | null = null;
  /** A money unit printed in the column header of the table being read (`采购总金额（元）`). */
  headerUnit: string | undefined;
  /**
   * Value positions whose header cell repeats the one before it: a header cell merged over two columns and
   * expanded by the rendering (`本年增/减量` twice). A row printing one figure more than its columns, that
   * figure repeating the one before it under such a header, is a merged cell written twice: read once
   * (`行政许可 11 3 3 15` → 11 | 3 | 15, not 3 decisions).
   */
  spannedColumns: number[] = [];

  constructor(private candidates: Candidate<RowTarget>[]) {}

  setCandidates(candidates: Candidate<RowTarget>[]): void {
    this.close();
    this.candidates = candidates;
    this.cursor = -1;
  }

  private match(label: string): Candidate<RowTarget> | undefined {
    if (label.length > 120) return undefined;
    for (const segment of labelSegments(label)) {
      const found = bestMatch(segment, this.candidates, this.cursor);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Rows of one table whose labels came with no figure, waiting (flipbook and PDF text that prints a block of
   * labels, then their figures on one line): a run of figures exactly as long as their columns and the
   * current row's together is read row by row by the template's column count; any other run is the current
   * row's alone, as before.
   */
  private waiting: Pending[] = [];
  private closing = false;

  /** Keeps the pending row waiting for figures, when it is a matrix row of the same table with none yet. */
  private wait(next: RowTarget): boolean {
    const p = this.pending;
    if (!p || p.seen > 0 || p.words || p.target.table.kind === 'list' || p.target.table !== next.table) return false;
    this.waiting.push(p);
    this.pending = null;
    return true;
  }

  /** Figures for the waiting rows and the current one, one row's columns after another, if they fit exactly. */
  private spread(item: Item): boolean {
    const p = this.pending;
    if (!p || this.waiting.length === 0 || p.seen > 0) return false;
    if (item.values.some((v) => v.token.type === 'unit')) return false;
    if (this.skipColumn !== null && p.target.table.id === 'apply') return false;
    const rows = [...this.waiting, p];
    if (item.values.length !== rows.reduce((n, r) => n + r.target.keys.length, 0)) return false;
    let at = 0;
    for (const row of rows) {
      for (const v of item.values.slice(at, at + row.target.keys.length)) row.values.push({ ...v, line: item.line });
      row.seen = row.target.keys.length;
      at += row.target.keys.length;
    }
    const last = this.pending;
    this.closing = true;
    for (const row of this.waiting) {
      this.pending = row;
      this.close();
    }
    this.closing = false;
    this.waiting = [];
    this.pending = last;
    return true;
  }

  read(item: Item): void {
    if (item.label) {
      const found = this.match(item.label);
      if (found) {
        if (!this.wait(found.item)) this.close();
        this.cursor = found.index;
        this.pending = { target: found.item, line: item.line, values: [], seen: 0 };
        if (item.words) this.pending.words = { text: item.words, line: item.line };
        const unit = LABEL_UNIT.exec(item.label);
        if (unit) this.pending.unit = unit[1];
      } else if (hasNumbering(item.label)) {
        this.close(); // a heading row of the form: it ends the row before it
      } else if (this.pending && this.pending.values.length === 0 && WORDS_VALUE.test(item.label.replace(/\s+/g, ''))) {
        this.pending.words ??= { text: item.label.replace(/\s+/g, ''), line: item.line };
      }
    }
    const p = this.pending;
    if (!p) return;
    if (this.spread(item)) return;
    // The old table's 单位 cell may be empty (`…费用（元）\t\t200`): a blank before a number of the same row is it.
    const list = p.target.table.kind === 'list';
    const firstNumber = list ? item.values.findIndex((v) => v.token.type === 'number') : -1;
    const twice = this.mergedTwice(p, item);
    for (let i = 0; i < item.values.length; i++) {
      const v = item.values[i];
      if (i < firstNumber && v.token.type === 'blank') continue;
      if (twice.has(i)) continue;
      if (v.token.type === 'unit') {
        p.unit = v.token.unit;
        continue;
      }
      const at = p.seen++;
      if (at === this.skipColumn && p.target.table.id === 'apply') continue;
      if (p.values.length < p.target.keys.length) p.values.push({ token: v.token, text: v.text, line: item.line });
    }
  }

  /** The positions of figures written twice for a merged cell (see spannedColumns), or none. */
  private mergedTwice(p: Pending, item: Item): ReadonlySet<number> {
    const spans = this.spannedColumns;
    if (spans.length === 0 || p.seen > 0 || !p.target.table.id.startsWith('s20')) return NONE;
    if (item.values.length !== p.target.keys.length + spans.length) return NONE;
    const repeats = spans.every((at) => at > 0 && item.values[at]?.text === item.values[at - 1]?.text);
    return repeats ? new Set(spans) : NONE;
  }

  close(): void {
    const p = this.pending;
    this.pending = null;
    // Rows still waiting got no figure: as any row printed without one, nothing is set (and nothing invented).
    if (!this.closing) this.waiting = [];
    if (!p) return;
    const { target } = p;
    const matrix = target.table.kind !== 'list';
    if (matrix && p.values.length === 0) return; // a group heading (（六）其他处理 over its three rows)
    if (matrix && p.values.length < target.keys.length) {
      this.warnings.push(`row ${target.row.label}: ${p.values.length} cells read, ${target.keys.length} expected`);
    }
    target.keys.forEach((key, i) => {
      const v = p.values[i];
      if (!v) {
        if (!matrix && p.words && target.kinds[i] === 'amount') {
          this.set(key, p.words.text, p.words.line, p.words.text);
        } else this.set(key, null, p.line, '');
        return;
      }
      const unit = p.unit ?? (target.kinds[i] === 'amount' ? this.headerUnit : undefined);
      const value = v.token.type === 'number' ? cellNumber(v.token, target.kinds[i], target.units[i], unit) : null;
      this.set(key, value, v.line ?? p.line, v.text);
    });
  }

  private set(key: string, value: CellValue, line: number, text: string): void {
    if (key in this.values && this.values[key] !== null) return; // the first printed value stands
    this.values[key] = value;
    this.provenance[key] = { line, text };
  }

  /** Section 四: fifteen values in the official column order. */
  readWide(values: ValueItem[], line: number, keys: string[]): void {
    for (const v of values) {
      if (v.token.type === 'unit') continue;
      const key = keys.find((k) => !(k in this.values));
      if (!key) return;
      this.set(key, v.token.type === 'number' ? v.token.value : null, line, v.text);
    }
  }
}

type Section = 'none' | 'two' | 'three' | 'four' | 'end';

function sectionOf(label: string, current: Section): Section {
  const t = label.replace(/\s+/g, '');
  if (/^五、/.test(t) || t.includes('存在的主要问题')) return current === 'none' ? 'none' : 'end';
  if (/^四、.*(复议|诉讼)/.test(t)) return 'four';
  if (/^三、收到和处理/.test(t) || t.includes('申请人情况')) return 'three';
  if (/^二、主动公开/.test(t) || /^第二十条第/.test(t) || (t.startsWith('信息内容') && current !== 'three'))
    return 'two';
  return current;
}

function readNewTables(items: Item[], format: TemplateId): TableRead {
  const template = getTemplate(format);
  const two = cachedCandidates(
    format,
    template.tables.filter((t) => t.id.startsWith('s20')),
  );
  const three = cachedCandidates(
    format,
    template.tables.filter((t) => t.id === 'apply'),
  );
  const reader = new TableReader([]);
  reader.skipColumn = subtotalColumn(items);
  let section: Section = 'none';
  for (const item of items) {
    if (item.label) {
      const next = sectionOf(item.label, section);
      if (next !== section) {
        section = next;
        reader.setCandidates(section === 'two' ? two : section === 'three' ? three : []);
      }
    }
    if (section === 'end') break;
    if (section === 'four') {
      // A line of values alone (a number, or a blank written as - or /) is a cell of the row; a header
      // line carries words. Blanks must be read too, or the numbers after them shift one cell.
      if (item.values.length && (item.label === '' || item.values.some((v) => v.token.type === 'number')))
        reader.readWide(item.values, item.line, REVIEW_LITIGATION_KEYS);
      continue;
    }
    if (section === 'two' && item.label) {
      // A header row starts a table; the unit of its amount column, if printed, holds until the next one.
      if (item.label.includes('信息内容')) {
        reader.headerUnit = undefined;
        reader.spannedColumns = spannedColumns(item);
      }
      const unit = HEADER_AMOUNT_UNIT.exec(item.label) ?? UNIT_NOTE.exec(item.label.replace(/\s+/g, ''));
      if (unit) reader.headerUnit = unit[1];
    }
    if (section !== 'none') reader.read(item);
  }
  reader.close();
  const wide = REVIEW_LITIGATION_KEYS.filter((k) => k in reader.values).length;
  if (wide > 0 && wide < REVIEW_LITIGATION_KEYS.length) {
    reader.warnings.push(`row 行政复议、行政诉讼: ${wide} cells read, ${REVIEW_LITIGATION_KEYS.length} expected`);
  }
  return reader;
}

/**
 * The value positions of a 第二十条 header (`信息内容 上一年项目数量 本年增/减量 本年增/减量 处理决定数量`) whose
 * cell repeats the one before it: a merged header cell the rendering wrote once per column it spans.
 */
function spannedColumns(header: Item): number[] {
  const cells = header.label.split(/\s+/).filter(Boolean);
  const start = cells.findIndex((c) => c.includes('信息内容'));
  if (start < 0) return [];
  const columns = cells.slice(start + 1);
  const out: number[] = [];
  for (let i = 1; i < columns.length; i++) if (columns[i] === columns[i - 1]) out.push(i);
  return out;
}

const ORG_COLUMNS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计'];

/**
 * The printed position of a 小计 (subtotal of 法人或其他组织) column in the application table's header, when
 * the document has one: 自然人 first, then the organisation columns in their printed order.
 */
function subtotalColumn(items: Item[]): number | null {
  let header = '';
  let inThree = false;
  for (const item of items) {
    const label = item.label.replace(/\s+/g, '');
    if (!inThree) {
      inThree = sectionOf(item.label, 'none') === 'three';
      if (!inThree) continue;
    }
    if (item.values.some((v) => v.token.type === 'number') || label.includes('本年新收') || header.length > 600) break;
    header += label;
  }
  if (!header.includes('小计')) return null;
  header = header.replaceAll('法人或其他组织', '');
  const order = ORG_COLUMNS.map((name) => ({ name, at: header.indexOf(name) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  return 1 + order.findIndex((c) => c.name === '小计');
}

function readOldTable(items: Item[]): TableRead {
  const candidates = cachedCandidates('old2008', getTemplate('old2008').tables);
  const compact = (s: string) => s.replace(/\s+/g, '');
  let start = items.findIndex((i) => compact(i.label).includes('统计指标'));
  if (start < 0) start = items.findIndex((i) => compact(i.label).includes('统计表'));
  if (start < 0) start = 0;
  const reader = new TableReader(candidates);
  for (const item of items.slice(start)) reader.read(item);
  reader.close();
  return reader;
}

export function readTables(items: Item[], format: TemplateId): TableRead {
  return format === 'old2008' ? readOldTable(items) : readNewTables(items, format);
}
