/**
 * Key-by-key scoring of extracted values against gold: right, wrong, missing, extra — and invented, the
 * worst kind of wrong: a number where the document printed a blank or nothing, or a different number.
 */
import type { CellValue } from '../../report/model.ts';

export interface Score {
  right: number;
  wrong: number;
  missing: number;
  extra: number;
  invented: number;
  total: number;
}

export function scoreValues(gold: Record<string, CellValue>, got: Record<string, CellValue>): Score {
  const s: Score = { right: 0, wrong: 0, missing: 0, extra: 0, invented: 0, total: Object.keys(gold).length };
  for (const [key, expected] of Object.entries(gold)) {
    if (!(key in got)) {
      s.missing++;
      continue;
    }
    const value = got[key];
    if (
      value === expected ||
      (typeof value === 'number' && typeof expected === 'number' && Math.abs(value - expected) < 1e-6)
    ) {
      s.right++;
    } else {
      s.wrong++;
      if (typeof value === 'number') s.invented++;
    }
  }
  for (const [key, value] of Object.entries(got)) {
    if (key in gold) continue;
    s.extra++;
    if (typeof value === 'number') s.invented++;
  }
  return s;
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
