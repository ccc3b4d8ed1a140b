/**
 * The rule check (勾稽关系): `check(report, { previous, statements })` → findings.
 *
 * Semantics (annual-report.md, "Rules"): a rule whose operands are all absent is not evaluated; a blank cell
 * (null) or words are not numbers; a blank total whose parts have numbers is evaluated on the parts against
 * the nearest printed total, and the message says so (`申请答复数` blank → the sum of the eight answer types
 * is compared with `申请办结数`). Cross-year rules need the same body's previous report; text.table_mismatch
 * needs the figures the narrative states, which the extractor supplies.
 *
 * The rules of each template are compiled once (operand lists, the derivation map); a check allocates only
 * the findings it returns.
 */
import type { CellValue, Finding, Report, TemplateId } from './model.ts';
import { type Derivation, derivationsOf, type RuleDef, rulesOf } from './rules/definitions.ts';
import { APPLY_COLUMNS, keyInfo } from './templates/index.ts';

/** A figure the narrative states (`全年共受理政府信息公开申请17件`), found by the extractor. */
export interface Statement {
  key: string;
  value: number;
  /** 1-based line of the repaired text. */
  line?: number;
  /** The sentence (or the part of it) that states the figure. */
  text: string;
}

export interface CheckOptions {
  /**
   * The same body's report for the previous year: cross-year rules run only when it is given and its year
   * is the year before.
   */
  previous?: Pick<Report, 'format' | 'year' | 'values'>;
  /** Figures stated in the narrative (for text.table_mismatch). */
  statements?: readonly Statement[];
  /**
   * Rules not evaluated: those a local variant of the table cannot satisfy (a row that prints two national
   * rows as one; src/report/templates/variants.ts).
   */
  skipRules?: readonly string[];
}

type Values = Record<string, CellValue>;
type Derivations = Map<string, Derivation>;

interface Compiled {
  format: TemplateId;
  rules: RuleDef[];
  derive: Derivations;
}

const compiled = new Map<TemplateId, Compiled>();
function compile(format: TemplateId): Compiled {
  let c = compiled.get(format);
  if (!c) {
    c = { format, rules: rulesOf(format), derive: derivationsOf(format) };
    compiled.set(format, c);
  }
  return c;
}

const EPS = 1e-6;
const same = (a: number, b: number) => Math.abs(a - b) < EPS;

/**
 * The number a cell stands for: the printed number; words → none; blank or not printed → the sum of its parts
 * when any part has a number (recursively), else none. None is NaN (no allocation on the hot path).
 */
function val(values: Values, key: string, derive: Derivations, depth = 0): number {
  const v = values[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' || depth > 6) return Number.NaN;
  const how = derive.get(key);
  if (!how || (v === undefined && !how.whenAbsent)) return Number.NaN;
  for (const parts of how.ways) {
    let sum = 0;
    let any = false;
    for (const part of parts) {
      const x = val(values, part, derive, depth + 1);
      if (!Number.isNaN(x)) {
        sum += x;
        any = true;
      }
    }
    if (any) return sum;
  }
  return Number.NaN;
}

/** The printed cells a value was made of (for a finding's `cells`). */
function leaves(values: Values, key: string, derive: Derivations, out: string[], depth = 0): void {
  const v = values[key];
  if (typeof v === 'number') {
    out.push(key);
    return;
  }
  if (typeof v === 'string' || depth > 6) return;
  const how = derive.get(key);
  if (!how || (v === undefined && !how.whenAbsent)) return;
  for (const parts of how.ways) {
    const before = out.length;
    for (const part of parts) leaves(values, part, derive, out, depth + 1);
    if (out.length > before) return;
  }
}

const isDerived = (values: Values, key: string, derive: Derivations) =>
  typeof values[key] !== 'number' && !Number.isNaN(val(values, key, derive));

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4);
}

const label = (format: TemplateId, key: string) => keyInfo(format, key)?.label ?? key;

/** `「申请答复数」（31，表中空白，按各分项合计）` */
function operand(c: Compiled, values: Values, key: string): string {
  const x = val(values, key, c.derive);
  const blank = values[key] === null ? '表中空白' : '表中未列';
  const note = isDerived(values, key, c.derive) ? `，${blank}，按各分项合计` : '';
  return `「${label(c.format, key)}」（${fmt(x)}${note}）`;
}

/** `a + b = n`, the parts that have a number (a long list shows only the non-zero ones). */
function partsText(c: Compiled, values: Values, parts: readonly string[]): string {
  const present = parts.filter((p) => !Number.isNaN(val(values, p, c.derive)));
  const shown = present.length > 6 ? present.filter((p) => val(values, p, c.derive) !== 0) : present;
  const text = shown.map((p) => operand(c, values, p)).join(' + ');
  return shown.length < present.length ? `${text || '各项均为0'}（其余各项为0）` : text;
}

/** The previous report, when it is the year before this one (another year would compare the wrong figures). */
const previousOf = (report: Report, opts: CheckOptions) =>
  opts.previous && opts.previous.year === report.year - 1 ? opts.previous : undefined;

function evaluate(c: Compiled, rule: RuleDef, report: Report, opts: CheckOptions, out: Finding[]): void {
  const v = report.values;
  const d = c.derive;
  const push = (cells: string[], expected: number | null, actual: number | null, message: string) =>
    out.push({ rule: rule.id, severity: rule.severity, cells, expected, actual, message });

  switch (rule.kind) {
    case 'sum': {
      const total = v[rule.total];
      if (typeof total !== 'number') return; // no printed total here: its parts count where it is a part
      let sum = 0;
      let any = false;
      for (const part of rule.parts) {
        const x = val(v, part, d);
        if (!Number.isNaN(x)) {
          sum += x;
          any = true;
        }
      }
      if (!any || same(sum, total)) return;
      const cells = [rule.total];
      for (const part of rule.parts) leaves(v, part, d, cells);
      push(
        cells,
        sum,
        total,
        `「${label(c.format, rule.total)}」为 ${fmt(total)}，但各分项之和为 ${fmt(sum)}：${partsText(c, v, rule.parts)}${rule.parts.length > 6 ? `（${rule.description}）` : ''}。`,
      );
      return;
    }
    case 'equal': {
      let left = 0;
      let right = 0;
      let anyLeft = false;
      let anyRight = false;
      for (const key of rule.left) {
        const x = val(v, key, d);
        if (!Number.isNaN(x)) {
          left += x;
          anyLeft = true;
        }
      }
      for (const key of rule.right) {
        const x = val(v, key, d);
        if (!Number.isNaN(x)) {
          right += x;
          anyRight = true;
        }
      }
      if (!anyLeft || !anyRight || same(left, right)) return;
      const cells: string[] = [];
      for (const key of [...rule.left, ...rule.right]) leaves(v, key, d, cells);
      const side = (keys: string[], total: number) =>
        keys.length === 1 ? partsText(c, v, keys) : `${partsText(c, v, keys)} = ${fmt(total)}，`;
      push(cells, right, left, `${side(rule.left, left)}应等于${side(rule.right, right).replace(/，$/, '')}。`);
      return;
    }
    case 'at_most': {
      for (const [small, large] of rule.pairs) {
        const a = v[small];
        const b = v[large];
        if (typeof a !== 'number' || typeof b !== 'number' || a <= b + EPS) continue;
        push(
          [small, large],
          b,
          a,
          `「${label(c.format, small)}」（${fmt(a)}）不应大于「${label(c.format, large)}」（${fmt(b)}）（${rule.description}）。`,
        );
      }
      return;
    }
    case 'non_negative': {
      for (const key of rule.keys) {
        const a = v[key];
        if (typeof a === 'number' && a < 0) {
          push([key], 0, a, `「${label(c.format, key)}」为 ${fmt(a)}，不应为负数（${rule.description}）。`);
        }
      }
      return;
    }
    case 'channel_bounds': {
      const total = v[rule.total];
      if (typeof total !== 'number') return;
      let sum = 0;
      const used: string[] = [];
      for (const key of rule.channels) {
        const x = v[key];
        if (typeof x !== 'number') continue;
        sum += x;
        used.push(key);
        if (x > total + EPS) {
          push(
            [key, rule.total],
            total,
            x,
            `「${label(c.format, key)}」（${fmt(x)}）大于「${label(c.format, rule.total)}」（${fmt(total)}）：同一信息多渠道公开计1条，总数不应小于任一渠道。`,
          );
        }
      }
      if (used.length && total > sum + EPS) {
        push(
          [rule.total, ...used],
          sum,
          total,
          `「${label(c.format, rule.total)}」（${fmt(total)}）大于各渠道公开数之和（${fmt(sum)}）。`,
        );
      }
      return;
    }
    case 'cross_carry': {
      const prev = previousOf(report, opts);
      if (!prev || prev.format === 'old2008') return;
      const prevDerive = compile(prev.format).derive;
      for (const col of APPLY_COLUMNS) {
        const nowKey = `apply.carried_in.${col.key}`;
        const beforeKey = `apply.carried_over.${col.key}`;
        const now = val(v, nowKey, d);
        const before = val(prev.values, beforeKey, prevDerive);
        if (Number.isNaN(now) || Number.isNaN(before) || same(now, before)) continue;
        push(
          [nowKey],
          before,
          now,
          `${operand(c, v, nowKey)}应等于${prev.year}年度报告的「${label(prev.format, beforeKey)}」（${fmt(before)}）（${rule.description}）。`,
        );
      }
      return;
    }
    case 'cross_in_force': {
      const prev = previousOf(report, opts);
      if (prev?.format !== 'new2021') return;
      for (const row of ['s20_1.rules', 's20_1.normative']) {
        const now = v[`${row}.in_force`];
        const before = prev.values[`${row}.in_force`];
        if (typeof now !== 'number' || typeof before !== 'number') continue;
        const madeCell = v[`${row}.made`];
        const repealedCell = v[`${row}.repealed`];
        const made = typeof madeCell === 'number' ? madeCell : 0;
        const repealed = typeof repealedCell === 'number' ? repealedCell : 0;
        const expected = before + made - repealed;
        if (same(expected, now)) continue;
        push(
          [`${row}.in_force`, `${row}.made`, `${row}.repealed`],
          expected,
          now,
          `「${label(c.format, `${row}.in_force`)}」为 ${fmt(now)}，按${prev.year}年度现行有效 ${fmt(before)} + 本年制发 ${fmt(made)} − 本年废止 ${fmt(repealed)} 应为 ${fmt(expected)}（有修改而非制发、废止的文件时可能不符）。`,
        );
      }
      return;
    }
    case 'text_mismatch': {
      for (const s of opts.statements ?? []) {
        const table = val(v, s.key, d);
        if (Number.isNaN(table) || same(table, s.value)) continue;
        const where = s.line ? `正文第${s.line}行` : '正文';
        const cells: string[] = [];
        leaves(v, s.key, d, cells);
        push(
          cells,
          table,
          s.value,
          `${where}称“${s.text}”（${fmt(s.value)}），与统计表${operand(c, v, s.key)}不一致。`,
        );
      }
      return;
    }
  }
}

/** Checks a report against every rule of its template. Findings come in rule-catalog order. */
export function check(report: Report, opts: CheckOptions = {}): Finding[] {
  const c = compile(report.format);
  const findings: Finding[] = [];
  const skip = opts.skipRules?.length ? new Set(opts.skipRules) : undefined;
  for (const rule of c.rules) if (!skip?.has(rule.id)) evaluate(c, rule, report, opts, findings);
  return findings;
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'error');
