/**
 * Cells run together with no separator (`主动公开信息数条20263542` = 2026 | 3542, issue #16): every way to cut
 * the digits into the row's numbers, kept only where the table's own arithmetic allows it. The caller splits
 * a cell only when one cut is left; with none or several, the cell is left out and named — never guessed.
 */

/** Longer runs are not a row's figures (and the cuts would be many). */
export const MAX_RUN_DIGITS = 30;
/** A figure longer than this is no count a report prints. */
const MAX_FIGURE_DIGITS = 15;

/** Every way to cut a run of digits into `n` figures as a table prints them: no leading zero but a lone `0`. */
export function cuts(digits: string, n: number): number[][] {
  if (!/^\d+$/.test(digits) || digits.length > MAX_RUN_DIGITS || n < 1 || n > digits.length) return [];
  const out: number[][] = [];
  const walk = (from: number, left: number, acc: number[]) => {
    const rest = digits.length - from;
    if (left === 1) {
      if (rest <= MAX_FIGURE_DIGITS && (rest === 1 || digits[from] !== '0'))
        out.push([...acc, Number(digits.slice(from))]);
      return;
    }
    const longest = digits[from] === '0' ? 1 : Math.min(MAX_FIGURE_DIGITS, rest - (left - 1));
    for (let len = 1; len <= longest; len++)
      walk(from + len, left - 1, [...acc, Number(digits.slice(from, from + len))]);
  };
  walk(0, n, []);
  return out;
}

/** What the table's arithmetic says of one row's figures, column by column. */
export interface RowArithmetic {
  /** `[above, below]`: column `above` is never below column `below`. */
  neverBelow?: [number, number][];
  /** Per column, the row's figure is at least this (the sum of its parts read). */
  atLeast?: (number | undefined)[];
  /** Per column, the row's figure is at most this (its whole less the other parts read). */
  atMost?: (number | undefined)[];
  /** Column `above` less column `below` is exactly `equals` (a running total against last year's). */
  difference?: { above: number; below: number; equals: number };
}

/** The cuts of `digits` into `n` figures that the arithmetic allows. */
export function allowedCuts(digits: string, n: number, rules: RowArithmetic): number[][] {
  return cuts(digits, n).filter(
    (figures) =>
      (rules.neverBelow ?? []).every(([above, below]) => figures[above] >= figures[below]) &&
      (rules.difference === undefined ||
        figures[rules.difference.above] - figures[rules.difference.below] === rules.difference.equals) &&
      figures.every(
        (v, i) =>
          (rules.atLeast?.[i] === undefined || v >= rules.atLeast[i]!) &&
          (rules.atMost?.[i] === undefined || v <= rules.atMost[i]!),
      ),
  );
}
