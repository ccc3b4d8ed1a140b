/**
 * A PDF page's lines rebuilt from the positions of its text items (issue #16, the layout stage). The joined
 * text of a PDF (each item's string, a line end where pdf.js saw one) loses what only positions say:
 *   - two cells drawn as separate items with no space item between them run together (`条` `2026` `3542`
 *     → `条20263542`): here two items on one line are joined only when they touch, else one space apart
 *     (the reader splits a PDF row's cells on spaces);
 *   - a line the producer ended without a line-end mark runs into the next: here a baseline that moves by
 *     more than a fraction of the font size starts a new line;
 *   - text drawn in an order that is not the reading order (a table drawn column by column, glyphs placed
 *     one by one in any order): the page is then rebuilt wholly from positions — items grouped into lines by
 *     baseline, each line ordered by x.
 *   - a cell a PDF leaves empty draws nothing, so the row's later figures would be read one column to the
 *     left: the columns are taken from the rows printing the most figures, and a blank `-` marks the empty
 *     cell of a row whose every figure sits at a column (markBlankCells).
 * A page drawn in reading order keeps its drawing order, which is the one that keeps a wrapped table cell
 * (`（二）部分公开（区分处理的，只计这一情` / `形，不计其他情形）` and then its figures) whole; ordering by position
 * would interleave the figures, centred on the cell, with the lines of its label.
 * Pure: positions in, lines out.
 */

/** One text item as pdf.js gives it, in PDF space (origin bottom-left, y up). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size (the text matrix's vertical scale). */
  size: number;
  /** pdf.js saw a line end after this item. */
  eol?: boolean;
}

/**
 * Two items are on one line when their baselines differ by less than this share of the smaller font size:
 * a row's figures set in another font sit up to a third of a line off the label's baseline (淮安 2024: 2.3 pt
 * at 7.5 pt), while the next line of a cell is a whole line away.
 */
export const SAME_LINE_SHARE = 0.45;
/** Items closer than this share of the font size touch: the glyphs of one word or one number. */
export const TOUCHING_SHARE = 0.1;
/**
 * Share of a page's rows of figures that come back to a baseline the drawing had left (not the line just
 * before): above it, the drawing order is not the reading order (labels first and figures after, column by
 * column, glyph by glyph) and the page is rebuilt from positions. Only runs with figures count, and only a
 * return to a run of figures or of two or more characters: a header drawn cell by cell (`结果` / `维持`, then
 * the next cell) and a row beside a label set vertically one character a line (`本` `年` `度`) are reading order.
 */
export const SCRAMBLED_SHARE = 0.4;
/** Pages with fewer rows of figures are read in drawing order whatever it is (too few to judge). */
const MIN_RUNS_TO_JUDGE = 3;

/** Beside a full-width punctuation mark a gap must be a whole character wide to be a space. */
export const MARK_SHARE = 1;
const FULL_WIDTH_MARK = /[，。、；：？！“”‘’（）《》【】—…]/;

const sizeOf = (item: PositionedText) => (item.size > 0 ? item.size : 1);
const sameLine = (a: PositionedText, b: PositionedText) =>
  Math.abs(a.y - b.y) < SAME_LINE_SHARE * Math.min(sizeOf(a), sizeOf(b));
const blank = (item: PositionedText) => item.str.trim() === '';

/** One line's text from its items in the given order: touching items joined, others one space apart. */
export function lineText(items: PositionedText[]): string {
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    if (blank(item)) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
      continue;
    }
    const str = item.str.replace(/\s+/g, ' ');
    if (out === '') out = str.trimStart();
    else {
      const gap = item.x - end;
      // Some producers draw a bold run twice, a hair apart: the same text over itself is printed once.
      if (gap < -0.5 * item.width && out.endsWith(str.trim())) continue;
      // Beside a full-width mark the glyph's own blank is often left out of the item's width.
      const share =
        FULL_WIDTH_MARK.test(out.at(-1) ?? '') || FULL_WIDTH_MARK.test(str[0]) ? MARK_SHARE : TOUCHING_SHARE;
      const touching = Math.abs(gap) < share * sizeOf(item);
      out += touching || out.endsWith(' ') || str.startsWith(' ') ? str : ` ${str}`;
    }
    end = item.x + item.width;
  }
  return out.trim();
}

/** The items in drawing order cut into lines: at pdf.js's line ends and where the baseline moves. */
export function drawnLines(items: PositionedText[]): PositionedText[][] {
  const lines: PositionedText[][] = [];
  let line: PositionedText[] = [];
  let anchor: PositionedText | undefined; // the first visible item of the line
  for (const item of items) {
    if (!blank(item)) {
      if (anchor && !sameLine(anchor, item)) {
        lines.push(line);
        line = [];
        anchor = undefined;
      }
      anchor ??= item;
    }
    line.push(item);
    if (item.eol) {
      lines.push(line);
      line = [];
      anchor = undefined;
    }
  }
  if (line.length) lines.push(line);
  return lines.filter((l) => l.some((item) => !blank(item)));
}

/** The items grouped into lines by baseline, top to bottom, each line's items left to right. */
export function positionedLines(items: PositionedText[]): PositionedText[][] {
  const visible = items.filter((it) => !blank(it) && Number.isFinite(it.x) && Number.isFinite(it.y));
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  for (const item of visible) {
    const line = lines[lines.length - 1];
    if (line && sameLine(line[0], item)) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

const FIGURE = /\d/;

/** True when the drawing order keeps coming back to baselines it has left: not the reading order. */
export function drawnOutOfOrder(lines: PositionedText[][], texts: string[]): boolean {
  const anchors = lines.map((line) => line.find((item) => !blank(item))!);
  // Baselines seen, by whole point: a run looks only at the few points around its own (linear in the page).
  const seen = new Map<number, number[]>();
  let figures = 0;
  let back = 0;
  anchors.forEach((anchor, i) => {
    const at = Math.floor(anchor.y);
    if (FIGURE.test(texts[i])) {
      figures++;
      const reach = Math.min(8, Math.ceil(SAME_LINE_SHARE * sizeOf(anchor)));
      let found = false;
      for (let p = at - reach; p <= at + reach && !found; p++)
        found = (seen.get(p) ?? []).some((j) => j < i - 1 && sameLine(anchors[j], anchor));
      if (found) back++;
    }
    if (texts[i].replace(/\s/g, '').length < 2 && !FIGURE.test(texts[i])) return;
    const bucket = seen.get(at);
    if (bucket) {
      if (bucket.length < 4) bucket.push(i); // the earliest few: a return needs one before the line just left
    } else seen.set(at, [i]);
  });
  return figures >= MIN_RUNS_TO_JUDGE && back > SCRAMBLED_SHARE * figures;
}

/** A page's text: its drawn lines, or its lines rebuilt from positions when the drawing order is not a reading one. */
export function pageText(items: PositionedText[]): string {
  const drawn = drawnLines(items);
  const ordered = drawnOutOfOrder(drawn, drawn.map(lineText)) ? positionedLines(items) : drawn;
  return markBlankCells(ordered)
    .map(lineText)
    .filter((line) => line !== '')
    .join('\n');
}

/** One figure a text item: `3001`, `1,234`, `12.5`, `-3`, `50%`. */
const FIGURE_ITEM = /^-?\d[\d,]*(?:\.\d+)?%?$/;
/** Lines that start a new table, whose columns are not the ones above (a header, a section's heading). */
const TABLE_START = /信息内容|第二十[一二]?条|^[一二三四五六七八九十]、|申请人情况|行政复议|行政诉讼|指标名称/;
/** A figure belongs to a column when its centre is within this share of the narrowest column gap. */
export const COLUMN_REACH = 0.35;
/** Wider rows are no report table (the widest, section 四, has 15 figures): left as printed, and cheap. */
const MAX_COLUMNS = 40;

const centre = (item: PositionedText) => item.x + item.width / 2;
const isFigure = (item: PositionedText) => FIGURE_ITEM.test(item.str.trim());

/** The trailing figures of a line, one item each, or undefined when the line does not end so. */
function trailingFigures(line: PositionedText[]): { label: PositionedText[]; figures: PositionedText[] } | undefined {
  const visible = line.filter((item) => !blank(item));
  let start = visible.length;
  while (start > 0 && isFigure(visible[start - 1])) start--;
  const figures = visible.slice(start);
  if (figures.length === 0) return undefined;
  for (let i = 1; i < figures.length; i++) if (figures[i].x <= figures[i - 1].x) return undefined;
  if (start > 0 && visible[start - 1].x >= figures[0].x) return undefined;
  return { label: visible.slice(0, start), figures };
}

/**
 * Blank cells a PDF does not draw, marked from the table's columns (issue #16): in a block of rows between
 * two table headers, the rows printing the most figures give the columns (the centre of each column's
 * figures); a row printing fewer, each at a column, gets a blank `-` where a column has none — so its figures
 * are read under their own headers, not shifted left. A row whose figures do not each sit at a column
 * is left as printed.
 */
export function markBlankCells(lines: PositionedText[][]): PositionedText[][] {
  const out = lines.slice();
  let block: number[] = [];
  const flush = () => {
    fillBlock(out, block);
    block = [];
  };
  lines.forEach((line, i) => {
    const text = line.map((item) => item.str).join('');
    if (TABLE_START.test(text.replace(/\s+/g, ''))) flush();
    if (trailingFigures(line)) block.push(i);
  });
  flush();
  return out;
}

function fillBlock(lines: PositionedText[][], block: number[]): void {
  const rows = block.map((i) => ({ i, ...trailingFigures(lines[i])! }));
  const width = Math.max(0, ...rows.map((r) => r.figures.length));
  const full = rows.filter((r) => r.figures.length === width);
  if (width < 2 || width > MAX_COLUMNS || full.length < 2 || full.length === rows.length) return;
  const columns = Array.from({ length: width }, (_, c) => {
    const xs = full.map((r) => centre(r.figures[c])).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  });
  let gap = Number.POSITIVE_INFINITY;
  for (let c = 1; c < width; c++) gap = Math.min(gap, columns[c] - columns[c - 1]);
  if (!(gap > 0)) return;
  for (const row of rows) {
    if (row.figures.length === width) continue;
    const at = row.figures.map((f) => {
      const c = columns.findIndex((x) => Math.abs(centre(f) - x) <= COLUMN_REACH * gap);
      return c;
    });
    if (at.some((c) => c < 0) || at.some((c, k) => k > 0 && c <= at[k - 1])) continue;
    const cells = columns.map((x, c) => {
      const k = at.indexOf(c);
      if (k >= 0) return row.figures[k];
      const like = row.figures[0];
      return { str: '-', x: x - like.size / 4, y: like.y, width: like.size / 2, size: like.size };
    });
    lines[row.i] = [...row.label, ...cells];
  }
}
