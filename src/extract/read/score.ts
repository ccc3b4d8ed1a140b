/**
 * Key-by-key scoring of extracted values against gold (seeds, samples, the labelled synthetic set).
 * right: same value; wrong: a different value; missing: a gold key not read; extra: a key read that gold
 * does not have. invented counts the worst errors among wrong and extra: a number where the document
 * printed a blank, words, nothing, or another number — a blank read as 0 is wrong and invented.
 */
import type { CellValue } from '../../report/model.ts';

export interface Score {
  right: number;
  wrong: number;
  missing: number;
  extra: number;
  invented: number;
  /** The number of gold keys. */
  total: number;
}

const EPS = 1e-6;

export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < EPS;
  return a === b;
}

export function scoreValues(gold: Record<string, CellValue>, got: Record<string, CellValue>): Score {
  const s: Score = { right: 0, wrong: 0, missing: 0, extra: 0, invented: 0, total: 0 };
  for (const key of Object.keys(gold)) {
    s.total++;
    if (!Object.hasOwn(got, key)) {
      s.missing++;
      continue;
    }
    const value = got[key];
    if (sameValue(value, gold[key])) s.right++;
    else {
      s.wrong++;
      if (typeof value === 'number') s.invented++;
    }
  }
  for (const key of Object.keys(got)) {
    if (Object.hasOwn(gold, key)) continue;
    s.extra++;
    if (typeof got[key] === 'number') s.invented++;
  }
  return s;
}

/** Key accuracy: right over gold keys plus extra keys (1 when both are empty). */
export function accuracy(s: Score): number {
  const n = s.total + s.extra;
  return n === 0 ? 1 : s.right / n;
}

export function addScores(a: Score, b: Score): Score {
  return {
    right: a.right + b.right,
    wrong: a.wrong + b.wrong,
    missing: a.missing + b.missing,
    extra: a.extra + b.extra,
    invented: a.invented + b.invented,
    total: a.total + b.total,
  };
}

export const emptyScore = (): Score => ({ right: 0, wrong: 0, missing: 0, extra: 0, invented: 0, total: 0 });
