/**
 * Cells run together with no separator in the national tables (issue #16): crawler text that prints a whole
 * report on one line and a table row as one run of digits (`本机关不掌握相关政府信息3100000312.没有现成…`).
 * Before lines are restored, each such run is cut into the row's figures, spaced, where the template's own
 * arithmetic leaves exactly one cut (the cuts themselves: read/run-together.ts, as for the local variants):
 *   - section 三 (the application table): the six applicant columns add up to 总计; the next row's number
 *     glued to the run (`…312.没有`) is the numbering of the row whose label follows, so it is cut off first;
 *   - section 四 (复议/诉讼): in each of the three groups 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计;
 *   - section 二 (第二十条 tables, columns as the heading prints them, 2019 or 2021 edition): a row of one
 *     column, a run of as many digits as columns (`规章000`), or a sign that parts 上一年项目数量 from 本年增/减
 *     (`35-15`) with one cut left for the rest; a row of 上一年项目数量 | 本年增/减 against the same body's
 *     reports of the years either side where given (section-two-years.ts: its readings kept for them as
 *     candidates); other runs (`行政规范性文件77132470`) have no arithmetic that decides them (现行有效 against
 *     last year's does not hold in these reports: 修改 counts) and are left out.
 * A run with no cut or several is taken out of the text (the row's cells left blank, never guessed) and
 * named in a warning. A label glued to spaced figures (`其他处理4 0 0 0 0 0 4`) gets its space back.
 * Only lines longer than LONG_LINE are touched, so text with ordinary lines passes unchanged.
 */
import type { TableDef } from '../../report/template.ts';
import { applyTable } from '../../report/templates/new-sections.ts';
import { sectionTwo2019, sectionTwo2021 } from '../../report/templates/section-two.ts';
import { cuts } from '../read/run-together.ts';
import { LONG_LINE, splitRunTogether } from './layout.ts';
import {
  carriesProjects,
  MAX_READINGS,
  readingsByYears,
  readingsOf,
  type SectionTwoYears,
} from './section-two-years.ts';

/** Columns of the application table: six applicant columns, then 总计 (their sum). */
const APPLY_COLUMNS = 7;
/** Section 四: three groups (复议, 直接起诉, 复议后起诉) of five: 维持, 纠正, 其他, 尚未审结, 总计 (the sum). */
const REVIEW_GROUPS = 3;
const REVIEW_GROUP_COLUMNS = 5;

/** A run longer than this is no row of figures (the cuts are searched, not listed, so this only bounds work). */
const MAX_RUN_DIGITS = 40;
/** More cuts than this of one row are not settled by the columns either: the row is left out. */
const MAX_CUTS_KEPT = 64;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ApplyLabel {
  label: string;
  /** The row's number within its group (`2.` → 2), when it has one. */
  number?: number;
}

let applyLabels: ApplyLabel[] | undefined;
/** Every label of the application table (both editions, aliases too), longest first. */
function labels(): ApplyLabel[] {
  if (!applyLabels) {
    const byLabel = new Map<string, ApplyLabel>();
    for (const edition of ['new2019', 'new2021'] as const)
      for (const row of applyTable(edition).rows) {
        const m = /^(\d+)\.$/.exec(row.numbering ?? '');
        for (const label of [row.label, ...(row.aliases ?? [])])
          byLabel.set(label, { label, number: m ? Number(m[1]) : undefined });
      }
    applyLabels = [...byLabel.values()].sort((a, b) => b.label.length - a.label.length);
  }
  return applyLabels;
}

let applyRow: RegExp | undefined;
/** A label of the application table, then its run of figures (digits and stray spaces). */
function applyRowPattern(): RegExp {
  applyRow ??= new RegExp(
    `(${labels()
      .map((l) => escapeRegExp(l.label))
      .join('|')})([\\d ]*\\d)`,
    'g',
  );
  return applyRow;
}

/** The row number the text after a run begins with (`.没有现成…` → 2), when a known label follows the dot. */
function nextRowNumber(after: string): number | undefined {
  if (!/^[.．]/.test(after)) return undefined;
  const rest = after.slice(1).trimStart();
  return labels().find((l) => rest.startsWith(l.label))?.number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The cuts of `digits` into groups of `parts` figures each followed by their sum (no leading zero but a lone
 * 0), at most `limit` of them. A group's sum is not cut but read: after its parts it must be printed next, so
 * the search is pruned at every group and a hostile run of digits costs little.
 */
export function sumCuts(digits: string, groups: number, parts: number, limit = MAX_CUTS_KEPT + 1): number[][] {
  const out: number[][] = [];
  if (!/^\d+$/.test(digits) || digits.length > MAX_RUN_DIGITS) return out;
  // After a part, the digits left must hold the group's other parts, its sum (never shorter than its longest
  // part) and every later group (at least one digit a figure).
  const walk = (from: number, group: number, part: number, acc: number[], partial: number, widest: number) => {
    if (out.length >= limit) return;
    if (group === groups) {
      if (from === digits.length) out.push(acc);
      return;
    }
    if (part === parts) {
      const total = String(partial);
      if (digits.startsWith(total, from)) walk(from + total.length, group + 1, 0, [...acc, partial], 0, 0);
      return;
    }
    const later = (groups - group - 1) * (parts + 1);
    const longest = digits[from] === '0' ? 1 : digits.length - from;
    for (let len = 1; len <= longest; len++) {
      const left = digits.length - from - len;
      if (left < parts - part - 1 + Math.max(widest, len) + later) break;
      const figure = Number(digits.slice(from, from + len));
      walk(from + len, group, part + 1, [...acc, figure], partial + figure, Math.max(widest, len));
    }
  };
  walk(0, 0, 0, [], 0, 0);
  return out;
}

/** The one cut of an application row's digits whose applicant columns add up to its total, else undefined. */
export function cutApplyRow(digits: string): number[] | undefined {
  const found = sumCuts(digits, 1, APPLY_COLUMNS - 1, 2);
  return found.length === 1 ? found[0] : undefined;
}

/** The one cut of section 四's digits where each group's four outcomes add up to its 总计, else undefined. */
export function cutReviewRow(digits: string): number[] | undefined {
  const found = sumCuts(digits, REVIEW_GROUPS, REVIEW_GROUP_COLUMNS - 1, 2);
  return found.length === 1 ? found[0] : undefined;
}

/** Rows of the application table outside the results sum (一、二、（七）、四、), by label. */
const RECEIVED = '本年新收政府信息公开申请数量';
const CARRIED_IN = '上年结转政府信息公开申请数量';
const TOTAL = '总计';
const CARRIED_OVER = '结转下年度继续办理';
/** Combinations of ambiguous rows tried against the column arithmetic, at most. */
const MAX_COMBINATIONS = 10_000;

interface RunRow {
  whole: string;
  label: string;
  offset: number;
  tail: string;
  digits: string;
  /** The cuts its own row arithmetic allows (spaced rows: the one they print). */
  cuts: number[][];
}

/**
 * The columns' arithmetic of the application table: in every column the result rows add up to （七）总计,
 * and 一 + 二 = （七） + 四. True when the rows' figures (one cut per row) satisfy it.
 */
function columnsAddUp(rows: RunRow[], figures: number[][]): boolean {
  const at = (label: string) => figures[rows.findIndex((r) => r.label === label)];
  const total = at(TOTAL);
  if (!total) return false;
  const results = figures.filter((_, i) => ![RECEIVED, CARRIED_IN, TOTAL, CARRIED_OVER].includes(rows[i].label));
  const [received, carriedIn, carriedOver] = [at(RECEIVED), at(CARRIED_IN), at(CARRIED_OVER)];
  return total.every(
    (t, c) =>
      sum(results.map((f) => f[c])) === t &&
      (!received || !carriedIn || !carriedOver || received[c] + carriedIn[c] === t + carriedOver[c]),
  );
}

/**
 * Rows whose own arithmetic leaves several cuts, settled by the columns' arithmetic when every row has a
 * cut and exactly one combination of the ambiguous rows' cuts adds up; otherwise they stay ambiguous.
 */
function settleByColumns(rows: RunRow[]): void {
  const open = rows.map((r, i) => (r.cuts.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0 || rows.some((r) => r.cuts.length === 0)) return;
  if (open.reduce((n, i) => n * rows[i].cuts.length, 1) > MAX_COMBINATIONS) return;
  const fits: number[][][] = [];
  const walk = (k: number, chosen: number[][]) => {
    if (k === rows.length) {
      if (columnsAddUp(rows, chosen)) fits.push([...chosen]);
      return;
    }
    for (const cut of rows[k].cuts) walk(k + 1, [...chosen, cut]);
  };
  walk(0, []);
  if (fits.length === 1) for (const i of open) rows[i].cuts = [fits[0][i]];
}

function spaceApplyRows(region: string, warnings: string[]): string {
  const rows: RunRow[] = [];
  for (const m of region.matchAll(applyRowPattern())) {
    const [whole, label, run] = m as unknown as [string, string, string];
    const offset = m.index;
    const tokens = run.trim().split(/ +/);
    if (tokens.length === APPLY_COLUMNS) {
      // Spaced already: the label set apart (`其他处理4 0 0 0 0 0 4`).
      rows.push({ whole, label, offset, tail: '', digits: '', cuts: [tokens.map(Number)] });
      continue;
    }
    let digits = run.replace(/ /g, '');
    const next = nextRowNumber(region.slice(offset + whole.length));
    if (next !== undefined) {
      if (!digits.endsWith(String(next))) continue;
      digits = digits.slice(0, -String(next).length);
      if (digits === '') continue; // a group's heading then its first row's number (`其他处理1.`)
    }
    if (digits.length < APPLY_COLUMNS) continue;
    const found = sumCuts(digits, 1, APPLY_COLUMNS - 1);
    const cuts = found.length > MAX_CUTS_KEPT ? [] : found;
    rows.push({ whole, label, offset, tail: next === undefined ? '' : String(next), digits, cuts });
  }
  settleByColumns(rows);
  let out = '';
  let from = 0;
  for (const row of rows) {
    out += region.slice(from, row.offset);
    from = row.offset + row.whole.length;
    if (row.cuts.length === 1) {
      out += `${row.label} ${row.cuts[0].join(' ')}${row.tail ? ` ${row.tail}` : ''}`;
      continue;
    }
    warnings.push(`表格行“${row.label}”的数字连在一起（${row.digits}），按本表的勾稽关系不能唯一拆分，未读取`);
    out += `${row.label}${row.tail ? ` ${row.tail}` : ''}`;
  }
  return out + region.slice(from);
}

/** Section 四's header ends with 总计; its 15 figures follow (or run together). */
const REVIEW_RUN = /(尚未审结\s*总计\s*)([\d ]*\d)/g;

function spaceReviewRow(region: string, warnings: string[]): string {
  return region.replace(REVIEW_RUN, (whole, head: string, run: string) => {
    const n = REVIEW_GROUPS * REVIEW_GROUP_COLUMNS;
    if (run.trim().split(/ +/).length === n) return whole;
    const digits = run.replace(/ /g, '');
    if (digits.length < n) return whole;
    const figures = cutReviewRow(digits);
    if (figures) return `${head}\n${figures.join(' ')}\n`;
    warnings.push(`行政复议、行政诉讼表的数字连在一起（${digits}），按各组总计不能唯一拆分，未读取`);
    return head;
  });
}

/** A table heading of section 二 (`第二十条第（五）项`). */
const SECTION_TWO_TABLE = /第二十[一二]?条第[（(][一二三四五六七八九十]{1,3}[)）]项/g;

/** The edition's table for a section 二 heading: the 2019 one where its column labels are printed, else 2021. */
function sectionTwoTable(caption: string, segment: string): TableDef | undefined {
  const printed = (t: TableDef) =>
    (t.columns ?? []).every((c) => [c.label, ...(c.aliases ?? [])].some((l) => segment.includes(l)));
  const norm = caption.replace(/\(/g, '（').replace(/\)/g, '）');
  const candidates = [sectionTwo2019(), sectionTwo2021()].map((ts) => ts.find((t) => t.caption === norm));
  return candidates.find((t) => t && printed(t)) ?? candidates[1];
}

/** The figures of a section 二 row's run where exactly one reading is left, else undefined. */
export function cutSectionTwoRow(run: string, columns: number, signedSecond: boolean): string[] | undefined {
  const tokens = run.trim().split(/ +/);
  if (tokens.length === columns) return tokens;
  const text = run.replace(/ /g, '');
  if (columns === 1) return /^[+\-−]?\d+(?:\.\d+)?$/.test(text) ? [text] : undefined;
  if (/^\d+$/.test(text) && text.length === columns) return [...text];
  const sign = /^(\d+)([+\-−])(\d+)$/.exec(text);
  if (!signedSecond || !sign || (sign[1].length > 1 && sign[1].startsWith('0'))) return undefined;
  const rest = cuts(sign[3], columns - 1);
  if (rest.length !== 1) return undefined;
  const [change, ...others] = rest[0];
  return [sign[1], `${sign[2] === '+' ? '+' : '-'}${change}`, ...others.map(String)];
}

/** What the years either side lend the cutting of section 二, and the readings of the rows left out. */
export interface RunTogetherContext {
  years?: SectionTwoYears;
  /** Filled with every reading of each section 二 row of 上一年项目数量 left out, by row key. */
  candidates?: Record<string, number[][]>;
}

const YEAR_NAMES = { previous: '上一年度', following: '下一年度' } as const;

/**
 * A 上一年项目数量 row no arithmetic of its own cuts: its readings kept for the years either side, and cut
 * where they leave one (the figures, spaced), else undefined.
 */
function cutByYears(
  key: string,
  run: string,
  columns: number,
  context: RunTogetherContext,
  warnings: string[],
  label: string,
): string[] | undefined {
  const readings = readingsOf(run, columns);
  if (readings.length < 2 || readings.length > MAX_READINGS) return undefined;
  if (context.candidates) context.candidates[key] = readings;
  const years = context.years ?? {};
  const byYears = readingsByYears(readings, key, years);
  if (byYears?.cuts.length !== 1) return undefined;
  const [figures] = byYears.cuts;
  const lent = byYears.by.map((b) => `${YEAR_NAMES[b]}（${years[b]?.year}年）`).join('、');
  warnings.push(
    `表格行“${label}”的数字连在一起（${run}），按${lent}报告的上一年项目数量唯一拆分为 ${figures.join(' | ')} (split by the years either side)`,
  );
  return figures.map((v, i) => (i === 1 && v > 0 && /\+/.test(run) ? `+${v}` : String(v)));
}

/** Section 二's run-together rows, each on its own line, cut where unique and otherwise left out. */
function spaceSectionTwo(region: string, warnings: string[], context: RunTogetherContext): string {
  const heads = [...region.matchAll(SECTION_TWO_TABLE)];
  if (heads.length === 0) return region;
  let out = region.slice(0, heads[0].index);
  heads.forEach((head, i) => {
    const segment = region.slice(head.index, heads[i + 1]?.index ?? region.length);
    const table = sectionTwoTable(head[0], segment);
    if (!table) {
      out += segment;
      return;
    }
    const columns = table.columns?.length ?? 1;
    const signedSecond = table.columns?.[1]?.kind === 'change';
    const labels = table.rows
      .flatMap((r) => [r.label, ...(r.aliases ?? [])])
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    const row = new RegExp(`(${labels.join('|')})([+\\-−]?\\d[\\d.+\\-− ]*)`, 'g');
    const keyOf = new Map(table.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])].map((l) => [l, r.key] as const)));
    out += `\n${segment.replace(row, (_whole, label: string, run: string) => {
      const trimmed = run.replace(/[.\s]+$/, '');
      const key = keyOf.get(label);
      const figures =
        cutSectionTwoRow(trimmed, columns, signedSecond) ??
        (key && carriesProjects(table.columns)
          ? cutByYears(key, trimmed, columns, context, warnings, label)
          : undefined);
      const rest = run.slice(trimmed.length);
      if (figures) return `\n${label} ${figures.join(' ')}${rest}\n`;
      warnings.push(`表格行“${label}”的数字连在一起（${trimmed}），不能唯一拆分，未读取`);
      return `\n${label}${rest}\n`;
    })}`;
  });
  return out;
}

const APPLY_SECTION = /收到和处理政府信息公开申请情况/g;

/** One long line with the run-together rows of sections 三 and 四 cut into spaced figures where unique. */
export function spaceRunTogetherLine(line: string, warnings: string[], context: RunTogetherContext = {}): string {
  const starts = [...line.matchAll(APPLY_SECTION)].map((m) => m.index);
  // The table's section, not a sentence of section 一 that names it: the last mention before the table.
  const start = [...starts].reverse().find((i) => /本年新收/.test(line.slice(i, i + 400))) ?? starts.at(-1);
  if (start === undefined) return line;
  const reviewAt = line.indexOf('行政复议', start);
  const end = reviewAt < 0 ? line.length : reviewAt;
  const apply = spaceApplyRows(line.slice(start, end), warnings);
  const review = reviewAt < 0 ? '' : spaceReviewRow(line.slice(end), warnings);
  // The section's heading starts a line (after `…元三、` no rule of layout.ts breaks it).
  const heading = line.slice(0, start).endsWith('三、') ? start - 2 : start;
  return `${spaceSectionTwo(line.slice(0, heading), warnings, context)}\n${line.slice(heading, start)}${apply}${review}`;
}

/** The text with the run-together rows of its long lines spaced; warnings name the rows left out. */
export function spaceRunTogetherRows(text: string, warnings: string[] = [], context: RunTogetherContext = {}): string {
  if (!text.split('\n').some((line) => line.length > LONG_LINE)) return text;
  return text
    .split('\n')
    .map((line) =>
      // Each piece broken as layout.ts breaks a long line (the pieces may be short now, and it would skip them).
      line.length > LONG_LINE
        ? spaceRunTogetherLine(line, warnings, context).split('\n').flatMap(splitRunTogether).join('\n')
        : line,
    )
    .join('\n');
}
