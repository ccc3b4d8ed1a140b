/**
 * The rule check (勾稽关系): `check(report, { previous, statements })` → findings.
 *
 * Semantics (annual-report.md, "Rules"): a rule whose operands are all absent is not evaluated; a blank
 * cell (null) or words are not numbers; a blank total whose parts have numbers is evaluated on the parts
 * against the nearest printed total and the message says so. Cross-year rules need the same body's
 * previous report; text.table_mismatch needs the figures the narrative states.
 */
import type { CellValue, Finding, Report, TemplateId } from './model.ts';
import { RULES, type RuleDef } from './rules/definitions.ts';
import { keyInfo } from './templates/index.ts';

/** A figure the narrative states (`全年共受理政府信息公开申请17件`), found by the extractor. */
export interface Statement {
  key: string;
  value: number;
  line?: number;
  text: string;
}

export interface CheckOptions {
  /** The same body's report for the previous year. */
  previous?: Pick<Report, 'format' | 'year' | 'values'>;
  statements?: Statement[];
}

type Values = Record<string, CellValue>;

const rulesByTemplate = new Map<TemplateId, RuleDef[]>();
function rulesFor(format: TemplateId): RuleDef[] {
  let rules = rulesByTemplate.get(format);
  if (!rules) {
    rules = RULES.filter((r) => r.templates.includes(format));
    rulesByTemplate.set(format, rules);
  }
  return rules;
}

const num = (values: Values, key: string): number | undefined => {
  const v = values[key];
  return typeof v === 'number' ? v : undefined;
};

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function label(format: TemplateId, key: string): string {
  return keyInfo(format, key)?.label ?? key;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4);
}

/** Σ of the numeric parts, or undefined when none is a number. */
function sumParts(values: Values, parts: string[]): { sum: number; used: string[] } | undefined {
  let sum = 0;
  const used: string[] = [];
  for (const key of parts) {
    const v = num(values, key);
    if (v !== undefined) {
      sum += v;
      used.push(key);
    }
  }
  return used.length ? { sum, used } : undefined;
}

function resolveParts(values: Values, rule: Extract<RuleDef, { kind: 'sum' }>): string[] {
  if (!rule.alternatives) return rule.parts;
  let parts = rule.parts;
  for (const alt of rule.alternatives) {
    if (alt.with.some((k) => k in values)) parts = parts.filter((k) => k !== alt.replace).concat(alt.with);
  }
  return parts;
}

/** One side of an equality: the cell when it is a number, else the sum of its parts. */
function side(values: Values, s: { key: string; parts: string[] }) {
  const cell = s.key ? num(values, s.key) : undefined;
  if (cell !== undefined) return { value: cell, cells: [s.key], fromParts: false };
  const parts = sumParts(values, s.parts);
  if (!parts) return undefined;
  return { value: parts.sum, cells: parts.used, fromParts: Boolean(s.key) };
}

function evaluate(rule: RuleDef, report: Report, opts: CheckOptions, out: Finding[]): void {
  const v = report.values;
  const f = report.format;
  const push = (cells: string[], expected: number | null, actual: number | null, message: string) =>
    out.push({ rule: rule.id, severity: rule.severity, cells, expected, actual, message });

  switch (rule.kind) {
    case 'sum': {
      const total = num(v, rule.total);
      if (total === undefined) return; // blank total: no printed total to compare against
      const parts = sumParts(v, resolveParts(v, rule));
      if (!parts || same(parts.sum, total)) return;
      push(
        [rule.total, ...parts.used],
        parts.sum,
        total,
        `「${label(f, rule.total)}」为 ${fmt(total)}，但其各分项合计为 ${fmt(parts.sum)}（${rule.description}）。`,
      );
      return;
    }
    case 'equal': {
      const left = side(v, rule.left);
      const right = side(v, rule.right);
      if (!left || !right || same(left.value, right.value)) return;
      const name = (s: typeof rule.left, r: NonNullable<typeof left>) =>
        s.key ? `「${label(f, s.key)}」${r.fromParts ? '（表中空白，按各分项合计）' : ''}` : '';
      const message = rule.left.key
        ? `${name(rule.left, left)}为 ${fmt(left.value)}，应等于${name(rule.right, right)}${fmt(right.value)}。`
        : `${rule.description}：左边合计 ${fmt(left.value)}，右边合计 ${fmt(right.value)}，两者应相等。`;
      push([...left.cells, ...right.cells], right.value, left.value, message);
      return;
    }
    case 'at_most': {
      for (const [small, large] of rule.pairs) {
        const a = num(v, small);
        const b = num(v, large);
        if (a === undefined || b === undefined || a <= b + 1e-9) continue;
        push([small, large], b, a, `「${label(f, small)}」（${fmt(a)}）不应大于「${label(f, large)}」（${fmt(b)}）。`);
      }
      return;
    }
    case 'non_negative': {
      for (const key of rule.keys) {
        const a = num(v, key);
        if (a !== undefined && a < 0) push([key], 0, a, `「${label(f, key)}」不应为负数（表中为 ${fmt(a)}）。`);
      }
      return;
    }
    case 'channel_bounds': {
      const total = num(v, rule.total);
      const channels = sumParts(v, rule.channels);
      if (total === undefined || !channels) return;
      for (const key of channels.used) {
        const c = num(v, key)!;
        if (c > total + 1e-9) {
          push(
            [key, rule.total],
            total,
            c,
            `「${label(f, key)}」（${fmt(c)}）大于「${label(f, rule.total)}」（${fmt(total)}）。`,
          );
        }
      }
      if (total > channels.sum + 1e-9) {
        push(
          [rule.total, ...channels.used],
          channels.sum,
          total,
          `「${label(f, rule.total)}」（${fmt(total)}）大于各渠道公开数之和（${fmt(channels.sum)}）。`,
        );
      }
      return;
    }
    case 'cross_carry': {
      const prev = opts.previous;
      if (!prev || prev.format === 'old2008') return;
      for (const col of [
        'natural_person',
        'commercial',
        'research',
        'nonprofit',
        'legal_service',
        'other_org',
        'total',
      ]) {
        const now = num(v, `apply.carried_in.${col}`);
        const before = num(prev.values, `apply.carried_over.${col}`);
        if (now === undefined || before === undefined || same(now, before)) continue;
        push(
          [`apply.carried_in.${col}`],
          before,
          now,
          `「${label(f, `apply.carried_in.${col}`)}」为 ${fmt(now)}，而${prev.year}年度报告的结转下年度继续办理为 ${fmt(before)}。`,
        );
      }
      return;
    }
    case 'cross_in_force': {
      const prev = opts.previous;
      if (!prev || prev.format !== 'new2021') return;
      for (const row of ['s20_1.rules', 's20_1.normative']) {
        const now = num(v, `${row}.in_force`);
        const before = num(prev.values, `${row}.in_force`);
        if (now === undefined || before === undefined) continue;
        const made = num(v, `${row}.made`) ?? 0;
        const repealed = num(v, `${row}.repealed`) ?? 0;
        const expected = before + made - repealed;
        if (same(expected, now)) continue;
        push(
          [`${row}.in_force`, `${row}.made`, `${row}.repealed`],
          expected,
          now,
          `「${label(f, `${row}.in_force`)}」为 ${fmt(now)}，按上年现行有效 ${fmt(before)} + 本年制发 ${fmt(made)} − 本年废止 ${fmt(repealed)} 应为 ${fmt(expected)}。`,
        );
      }
      return;
    }
    case 'text_mismatch': {
      for (const s of opts.statements ?? []) {
        const table = num(v, s.key);
        if (table === undefined || same(table, s.value)) continue;
        const where = s.line ? `正文第${s.line}行` : '正文';
        push(
          [s.key],
          table,
          s.value,
          `${where}称“${s.text}”（${fmt(s.value)}），与统计表「${label(f, s.key)}」（${fmt(table)}）不一致。`,
        );
      }
      return;
    }
  }
}

/** Checks a report against every rule of its template. Findings come in rule-catalog order. */
export function check(report: Report, opts: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rulesFor(report.format)) evaluate(rule, report, opts, findings);
  return findings;
}

export const hasErrors = (findings: Finding[]) => findings.some((f) => f.severity === 'error');
