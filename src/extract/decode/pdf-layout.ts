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
      if (bucket.length < 64) bucket.push(i);
    } else seen.set(at, [i]);
  });
  return figures >= MIN_RUNS_TO_JUDGE && back > SCRAMBLED_SHARE * figures;
}

/** A page's text: its drawn lines, or its lines rebuilt from positions when the drawing order is not a reading one. */
export function pageText(items: PositionedText[]): string {
  const drawn = drawnLines(items);
  let texts = drawn.map(lineText);
  if (drawnOutOfOrder(drawn, texts)) texts = positionedLines(items).map(lineText);
  return texts.filter((line) => line !== '').join('\n');
}
