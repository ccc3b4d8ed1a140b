/**
 * Section 二's rows of 上一年项目数量 | 本年增/减 (| 处理决定数量) run together (`行政许可3960181`) against the same
 * body's reports of the years either side: this year's 上一年项目数量 is last year's 上一年项目数量 plus its
 * 本年增/减, and next year's 上一年项目数量 is this year's plus this year's change (law-and-formats.md §3.5
 * item 5, a soft cross-year relation: a neighbour none of whose figures fits is not used). A neighbour lends
 * the figures it read, or, for a row it left out, every reading of its run (the true one is among them).
 */
import type { CellValue } from '../../report/model.ts';
import type { ColumnDef } from '../../report/template.ts';
import { cutsByYears, type NeighbourCut } from '../read/neighbours.ts';
import { cuts } from '../read/run-together.ts';

/** What a report of a neighbouring year lends section 二: its values and its rows' readings left out. */
export interface SectionTwoYear {
  year: number;
  values: Record<string, CellValue>;
  /** Rows left out, by row key (`s20_5.licensing`): every reading of the run. */
  candidates?: Record<string, number[][]>;
}

export interface SectionTwoYears {
  previous?: SectionTwoYear;
  following?: SectionTwoYear;
}

/** Readings kept for a row left out; past this the row lends nothing. */
export const MAX_READINGS = 64;
/**
 * A run longer than this is not read every way (a row of counts prints a dozen digits; a hostile run of
 * thirty would be hundreds of readings per row).
 */
export const MAX_READING_DIGITS = 16;

/** A table whose first two columns are 上一年项目数量 and 本年增/减. */
export function carriesProjects(columns: readonly ColumnDef[] | undefined): boolean {
  return columns?.[0]?.key === 'prev' && columns?.[1]?.key === 'change';
}

/**
 * Every reading of a run as a row of `columns` figures: digits cut as a table prints figures, and a sign
 * (`2648-18538`) parting 上一年项目数量 from a change of that sign.
 */
export function readingsOf(run: string, columns: number): number[][] {
  const text = run.replace(/ /g, '');
  if (text.length > MAX_READING_DIGITS + 1) return [];
  if (/^\d+$/.test(text)) return cuts(text, columns);
  const sign = /^(\d+)([+\-−])(\d+)$/.exec(text);
  if (!sign || (sign[1].length > 1 && sign[1].startsWith('0'))) return [];
  const negative = sign[2] !== '+';
  return cuts(sign[3], columns - 1).map(([change, ...rest]) => [Number(sign[1]), negative ? -change : change, ...rest]);
}

const numberAt = (values: Record<string, CellValue>, key: string) =>
  typeof values[key] === 'number' ? (values[key] as number) : undefined;

/** The readings the years either side leave of row `key`, where they narrow them at all. */
export function readingsByYears(readings: number[][], key: string, years: SectionTwoYears): NeighbourCut | undefined {
  const { previous, following } = years;
  const lastPrev = previous && numberAt(previous.values, `${key}.prev`);
  const lastChange = previous && numberAt(previous.values, `${key}.change`);
  const last =
    lastPrev !== undefined && lastChange !== undefined
      ? [lastPrev + lastChange]
      : previous?.candidates?.[key]?.map((r) => r[0] + r[1]);
  const nextPrev = following && numberAt(following.values, `${key}.prev`);
  const next = nextPrev !== undefined ? [nextPrev] : following?.candidates?.[key]?.map((r) => r[0]);
  return cutsByYears(readings, {
    last,
    againstLast: (c) => c[0],
    next,
    againstNext: (c) => c[0] + c[1],
  });
}
