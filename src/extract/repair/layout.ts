/**
 * Lines restored where a rendering lost them (issue #16): archive and crawler text that holds a whole report
 * on one line. The reader reads a table row per line, so a line far longer than any a report prints
 * (LONG_LINE) is broken again where a line must have been:
 *   - before the title (`…2017年度政府信息公开工作报告`), so a breadcrumb before it (`当前位置: 首页 |`) stays a
 *     line of its own that the furniture filter drops, not the title with it;
 *   - before a section heading (`二、`, `（三）`) that follows the end of a sentence or a figure, before a
 *     section 二 table's heading (`第二十条第（五）项`) and before the sign-off (`单位负责人:`);
 *   - before a row label of a template (labels and aliases of every template, longest first) when the label
 *     is followed by its figures, as a table row prints it (`行政规范性文件 3 0 20`, `主动公开政府信息数 条 170`),
 *     or when it carries its numbering (`（二）申请办结数`, a row whose cell may be blank).
 * Text with ordinary lines passes unchanged, so nothing already read well moves.
 */
import { TEMPLATES } from '../../report/templates/index.ts';
import { VARIANTS } from '../../report/templates/variants.ts';

/** A line longer than this is a run-together rendering, not a line a report prints. */
export const LONG_LINE = 600;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rowLabels(): string[] {
  const labels = new Set<string>();
  for (const template of Object.values(TEMPLATES))
    for (const table of template.tables)
      for (const row of table.rows) for (const label of [row.label, ...(row.aliases ?? [])]) labels.add(label);
  for (const variant of VARIANTS) for (const row of variant.rows) for (const label of row.labels) labels.add(label);
  return [...labels].filter((l) => l.length >= 2).sort((a, b) => b.length - a.length);
}

const NUMBERING =
  '(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}、|\\d{1,2}[.．、](?!\\d)|其中[:：]?)';
/** A numbering that does not start with a digit, so it cannot be cut off a run of digits before it. */
const NUMBERING_NOT_DIGITS = '(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}、|其中[:：]?)';
/** What follows a row label in a table row: a unit, then a figure (or a blank marked `-`, `/`). */
const UNITS = '条|件|个|次|项|人次|人|万元|元|份|起';
const FIGURES = '\\s?(?:条|件|个|次|项|人次|人|万元|元|份|起)?\\s?(?:-?\\d|[-/—](?:\\s|$))';

/** A report's title: a body's name (2 to 40 characters) and the year before 政府信息公开工作年度报告. */
const TITLE =
  '[\\u4e00-\\u9fa5（）()]{2,40}?(?:19|20)\\d\\d\\s?年度?\\s?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告';

let splitter: RegExp | undefined;
function rowStart(): RegExp {
  if (!splitter) {
    const labels = rowLabels().map(escapeRegExp).join('|');
    splitter = new RegExp(
      [
        // Zero-width, after one space: no run of spaces is ever matched, so a hostile run costs one pass.
        `(?<=\\s)(?=${NUMBERING}{0,3}\\s?(?:${labels})${FIGURES})`,
        // After a figure glued to a numbering (`…2949819162、`) the break is not made: where the figure ends and
        // the number begins is not printed (the variant reader decides it, read/variant-cells.ts).
        `(?<=[。；;]\\s?|\\d\\s)(?=${NUMBERING})`,
        `(?<=\\d)(?=${NUMBERING_NOT_DIGITS})`,
        `(?<=\\s)(?=${NUMBERING}{1,3}\\s?(?:${labels}))`,
        `(?<=[\\s|])(?=${TITLE})`,
        // After a row's last figure, where the next row's label begins (not a unit, not a date's 年/月/日).
        `(?=[\\u4e00-\\u9fa5])(?![条件个次项人万元份起年月日号])(?<=\\s-?\\d[\\d.,]{0,20}(?:${UNITS})?\\s{1,3})`,
        // Between two labels of rows whose cells are blank (`涉及国家秘密 涉及商业秘密`).
        `(?=(?:${labels})(?:\\s|$))(?<=(?:${labels})\\s{1,3})`,
        // A section 二 table's heading, and the sign-off after the last table.
        `(?<=\\s)(?=第二十[一二]?条第[(（][一二三四五六七八九十]{1,3}[)）]项)`,
        `(?<=\\s)(?=(?:单位负责人|填报单位|填报人|审核人|填报日期)\\s?[:：])`,
      ].join('|'),
      'g',
    );
  }
  return splitter;
}

/**
 * One line broken where the rendering lost its line breaks. Every break is zero-width and looks at most a few
 * characters around it, so the split is linear in the line whatever runs of spaces it holds (issue #19: no
 * super-linear regular expression on hostile text).
 */
export function splitRunTogether(line: string): string[] {
  return line
    .split(rowStart())
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The text with every run-together line broken again; other lines as they were. */
export function restoreLines(text: string): string {
  if (!text.split('\n').some((line) => line.length > LONG_LINE)) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= LONG_LINE) return [line];
      const parts = splitRunTogether(line);
      // A long line with no place to break (a run of spaces, a paragraph) stays as it was.
      return parts.length > 1 ? parts : [line];
    })
    .join('\n');
}

/**
 * The cell of a line holding one cell between stray pipes (`| 主动公开政府信息数`, `| 170 |`), else undefined:
 * by hand, not by a pattern, so a long run of spaces costs one pass.
 */
function oneCellPiped(line: string): string | undefined {
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const inner = t.endsWith('|') && t.length > 1 ? t.slice(1, -1) : t.slice(1);
  return inner.includes('|') ? undefined : inner.trim();
}
/** Share of the non-empty lines that must be such cells before the pipes are taken for debris. */
export const STRAY_PIPE_SHARE = 0.4;
const MIN_PIPED_LINES = 20;

/**
 * Table cells flattened one per line with a stray `|` before each (a crawler's table-to-text): the pipes
 * dropped, so the reader meets the one-cell-per-line shape it reads. Pipe tables (`| a | b |`, pipes inside
 * a line) and text with a few such lines are left alone.
 */
export function dropStrayPipes(text: string): string {
  const lines = text.split('\n');
  let nonEmpty = 0;
  let piped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    if (oneCellPiped(line) !== undefined) piped++;
  }
  if (piped < MIN_PIPED_LINES || piped < nonEmpty * STRAY_PIPE_SHARE) return text;
  return lines.map((line) => oneCellPiped(line) ?? line).join('\n');
}
