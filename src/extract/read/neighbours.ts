/**
 * A running total (历年累计) against the same body's reports of the years either side: this year's total less
 * this year's figure is last year's total, and next year's total less next year's figure is this year's.
 * A neighbour lends the figures it read, or, for a row it could not cut, every cut its own arithmetic allows
 * (the true one is among them). A cut of this year's row is kept only where some figure of the neighbour
 * fits it; a neighbour with no fitting cut at all says the relation does not hold there (a total restarted,
 * 平潭 2017) and is not used.
 */

/** The same body's report of a neighbouring year, as this reader needs it. */
export interface VariantNeighbour {
  year: number;
  /** Every row read, every column, by the row's first label. */
  figures: Record<string, number[]>;
  /** Rows left out: every cut the report's own arithmetic allows. */
  candidates?: Record<string, number[][]>;
}

export interface RunningTotal {
  total: number;
  year: number;
}

/** A neighbour's possible figures of one row: the one it read, or its candidate cuts. */
function rowsOf(neighbour: VariantNeighbour | undefined, id: string): number[][] | undefined {
  if (!neighbour) return undefined;
  const read = neighbour.figures[id];
  if (read) return [read];
  const candidates = neighbour.candidates?.[id];
  return candidates && candidates.length > 0 ? candidates : undefined;
}

export interface NeighbourCut {
  cuts: number[][];
  /** Which neighbours decided: 'previous', 'following'. */
  by: ('previous' | 'following')[];
}

/**
 * A relation between years: what a cut of this year must equal in last year's figures (`fromLast`: the
 * figures last year could have printed, `thisSide`: what a cut of this year gives), and likewise with next
 * year's.
 */
export interface YearRelation {
  /** What each of last year's possible rows gives; undefined where last year lends none. */
  last?: number[];
  /** A cut's figure that must be one of `last`. */
  againstLast: (cut: number[]) => number;
  /** What each of next year's possible rows gives; undefined where next year lends none. */
  next?: number[];
  /** A cut's figure that must be one of `next`. */
  againstNext: (cut: number[]) => number;
}

/**
 * The cuts the years either side leave, where they narrow `allowed` at all: undefined when neither lends a
 * figure or none of a neighbour's fits (the relation does not hold there), else what each applicable
 * neighbour keeps, intersected (empty when they disagree).
 */
export function cutsByYears(allowed: number[][], relation: YearRelation): NeighbourCut | undefined {
  const kept: { by: 'previous' | 'following'; cuts: number[][] }[] = [];
  if (relation.last) {
    const last = new Set(relation.last);
    const cuts = allowed.filter((c) => last.has(relation.againstLast(c)));
    if (cuts.length > 0) kept.push({ by: 'previous', cuts });
  }
  if (relation.next) {
    const next = new Set(relation.next);
    const cuts = allowed.filter((c) => next.has(relation.againstNext(c)));
    if (cuts.length > 0) kept.push({ by: 'following', cuts });
  }
  if (kept.length === 0) return undefined;
  const cuts = kept.reduce((acc, k) => acc.filter((c) => k.cuts.includes(c)), allowed);
  return { cuts, by: kept.map((k) => k.by) };
}

/** A running total's cuts against the years either side (历年累计 = last year's 历年累计 + 本年度). */
export function cutsByNeighbours(
  allowed: number[][],
  id: string,
  running: RunningTotal,
  previous: VariantNeighbour | undefined,
  following: VariantNeighbour | undefined,
): NeighbourCut | undefined {
  const { total, year } = running;
  return cutsByYears(allowed, {
    last: rowsOf(previous, id)?.map((r) => r[total]),
    againstLast: (c) => c[total] - c[year],
    next: rowsOf(following, id)?.map((r) => r[total] - r[year]),
    againstNext: (c) => c[total],
  });
}
