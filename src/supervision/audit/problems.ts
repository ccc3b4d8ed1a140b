/**
 * 年报审核: what an auditor of a unit's annual report looks for beyond reading it, for one report and the same
 * body's report of the year before (computed and imported alike). Pure: the report model in, problems out.
 *
 * - 勾稽关系: the rule findings of check() (src/report/check.ts) with their cells;
 * - 五、存在的主要问题及改进情况 and 六、其他需要报告的事项 left empty, or repeated from last year, with the
 *   repeat rate (character bigrams of this year's text found in last year's, `repeatRate`);
 * - blank or "/" cells where the template expects a number;
 * - year-on-year jumps of a figure beyond a ratio and a minimum absolute change.
 *
 * The thresholds are named parameters (`AUDIT_DEFAULTS`), so an office can set its own.
 */
import { check } from '../../report/check.ts';
import type { CellValue, Narrative, Report, TemplateId } from '../../report/model.ts';
import { getTemplate, keyInfo, keysOf } from '../../report/templates/index.ts';

export const PROBLEM_KINDS = ['rule', 'narrative_empty', 'narrative_repeated', 'blank_cell', 'jump'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_KIND_NAMES: Record<ProblemKind, string> = {
  rule: '勾稽关系',
  narrative_empty: '内容空缺',
  narrative_repeated: '与上年重复',
  blank_cell: '空白或“/”单元格',
  jump: '同比异常变动',
};

export interface AuditParams {
  /** A section whose repeat rate against last year's is at least this is flagged (0–1). */
  repeatThreshold: number;
  /** Texts shorter than this (characters, punctuation and spaces not counted) are not judged for repetition. */
  repeatMinChars: number;
  /** A figure that grew or fell by at least this factor from last year is flagged… */
  jumpRatio: number;
  /** …when it also changed by at least this much (a change from 1 to 5 is no jump). */
  jumpMinChange: number;
}

export const AUDIT_DEFAULTS: AuditParams = {
  repeatThreshold: 0.8,
  repeatMinChars: 20,
  jumpRatio: 5,
  jumpMinChange: 20,
};

/** A cell named as the official table names it. */
export interface AuditCell {
  key: string;
  /** The row label of the template (with the column for matrix cells), e.g. 予以公开（自然人）. */
  label: string;
  /** The report section the table belongs to, e.g. 三、收到和处理政府信息公开申请情况. */
  section: string;
}

export interface AuditProblem {
  kind: ProblemKind;
  /** error: a 勾稽关系 error; warning: everything else. */
  severity: 'error' | 'warning';
  /** A sentence in Chinese naming the section or the cells by their official labels. */
  message: string;
  cells: AuditCell[];
  /** The rule id, for kind 'rule'. */
  rule?: string;
  /** The narrative section, for narrative kinds. */
  section?: 'problems' | 'other';
  /** 0–1, for kind 'narrative_repeated'. */
  repeatRate?: number;
}

type Prev = Pick<Report, 'format' | 'year' | 'values' | 'narrative'>;

/** The two sections the auditor reads, with their headings as numbered in the 2019 and 2021 formats. */
export const NARRATIVE_SECTIONS: { field: 'problems' | 'other'; title: string }[] = [
  { field: 'problems', title: '五、存在的主要问题及改进情况' },
  { field: 'other', title: '六、其他需要报告的事项' },
];

/** The section heading as the report's own template prints it (the 2008 format numbers them differently). */
function sectionTitle(format: TemplateId, field: 'problems' | 'other'): string {
  const sections = getTemplate(format).sections;
  const found = sections.find((s) => (field === 'problems' ? /主要问题/.test(s) : /其他需要报告/.test(s)));
  return found ?? NARRATIVE_SECTIONS.find((s) => s.field === field)!.title;
}

export function cellOf(format: TemplateId, key: string): AuditCell {
  const info = keyInfo(format, key);
  const table = info ? getTemplate(format).tables.find((t) => t.id === info.table) : undefined;
  return { key, label: info?.label ?? key, section: table?.section ?? '' };
}

/** The text as compared: no spaces or punctuation; digits alike (a year changed is still a copy). */
function normalise(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').replace(/[0-9０-９一二三四五六七八九〇零]/g, '0');
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * The share of this year's text found in last year's: the character bigrams of `current` (spaces and
 * punctuation removed, digits alike) that also occur in `previous`, counted with multiplicity, over all of
 * `current`'s bigrams. 1 for a copy, 0 for nothing in common or an empty text.
 *
 * @example
 * repeatRate('加强培训，完善制度。', '加强培训，完善制度。') // 1
 */
export function repeatRate(current: string, previous: string): number {
  const cur = bigrams(normalise(current));
  const prev = bigrams(normalise(previous));
  let total = 0;
  let shared = 0;
  for (const [g, n] of cur) {
    total += n;
    shared += Math.min(n, prev.get(g) ?? 0);
  }
  return total === 0 ? 0 : shared / total;
}

/** `0.934` → `93%` */
export const percent = (rate: number) => `${Math.floor(rate * 100)}%`;

const isEmptyText = (text: string | undefined) => !text || normalise(text).length === 0;

/** A cell printed blank or as "/", "-", "——" (null in the model, or such words). */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null) return true;
  return typeof value === 'string' && /^[\s/／\\\-—–－_]*$/.test(value);
}

/**
 * Whether a figure moved from `previous` to `current` by at least `ratio` times (up or down) and by at
 * least `minChange`. From 0, any change of `minChange` or more is a jump.
 */
export function isJump(
  previous: number,
  current: number,
  p: Pick<AuditParams, 'jumpRatio' | 'jumpMinChange'>,
): boolean {
  if (Math.abs(current - previous) < p.jumpMinChange) return false;
  const low = Math.min(Math.abs(previous), Math.abs(current));
  const high = Math.max(Math.abs(previous), Math.abs(current));
  return low === 0 || high / low >= p.jumpRatio;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

/**
 * `narrativeRead: false` when the report's narrative was never read (an imported report whose document the
 * extractor took only the tables of): sections 五 and 六 are then not judged, rather than called empty.
 */
export function auditReport(
  report: Report,
  previous?: Prev,
  params: Partial<AuditParams> = {},
  opts: { narrativeRead?: boolean } = {},
): AuditProblem[] {
  const p = { ...AUDIT_DEFAULTS, ...params };
  const prev = previous && previous.year === report.year - 1 ? previous : undefined;
  const problems: AuditProblem[] = [];

  // 勾稽关系.
  if (report.hasTable !== false) {
    for (const f of check(report, { previous: prev })) {
      problems.push({
        kind: 'rule',
        severity: f.severity,
        message: f.message,
        cells: [...new Set(f.cells)].map((k) => cellOf(report.format, k)),
        rule: f.rule,
      });
    }
  }

  // Sections 五 and 六: empty, or repeated from last year.
  for (const { field } of opts.narrativeRead === false ? [] : NARRATIVE_SECTIONS) {
    const title = sectionTitle(report.format, field);
    const text = (report.narrative as Narrative | undefined)?.[field];
    if (isEmptyText(text)) {
      problems.push({
        kind: 'narrative_empty',
        severity: 'warning',
        message: `「${title}」未填写内容。`,
        cells: [],
        section: field,
      });
      continue;
    }
    const before = prev?.narrative?.[field];
    if (!prev || isEmptyText(before) || normalise(text!).length < p.repeatMinChars) continue;
    const rate = repeatRate(text!, before!);
    if (rate >= p.repeatThreshold) {
      problems.push({
        kind: 'narrative_repeated',
        severity: 'warning',
        message: `「${title}」与${prev.year}年度报告重复率为${percent(rate)}（达到${percent(p.repeatThreshold)}即提示），请结合本年度实际情况撰写。`,
        cells: [],
        section: field,
        repeatRate: rate,
      });
    }
  }

  // Blank or "/" cells, and jumps, in the order of the printed tables.
  if (report.hasTable !== false) {
    for (const key of keysOf(report.format)) {
      if (!(key in report.values)) continue; // a row not printed
      const value = report.values[key];
      const info = keyInfo(report.format, key)!;
      if (isBlankCell(value)) {
        const cell = cellOf(report.format, key);
        problems.push({
          kind: 'blank_cell',
          severity: 'warning',
          message: `「${cell.label}」填报为空白或“/”，应填写数字（没有发生的填0）。`,
          cells: [cell],
        });
        continue;
      }
      if (!prev || info.kind === 'change' || typeof value !== 'number') continue;
      const before = prev.values[key];
      if (typeof before !== 'number' || !isJump(before, value, p)) continue;
      const cell = cellOf(report.format, key);
      const times =
        Math.min(before, value) === 0 ? '' : `（${fmt(Math.max(before, value) / Math.min(before, value))}倍）`;
      problems.push({
        kind: 'jump',
        severity: 'warning',
        message: `「${cell.label}」由${prev.year}年度的${fmt(before)}${value > before ? '增至' : '降至'}${fmt(value)}${times}，变动超过${fmt(p.jumpRatio)}倍，请核实。`,
        cells: [cell],
      });
    }
  }
  return problems;
}
