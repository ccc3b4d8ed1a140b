/**
 * The `q`-quantile of `xs` by nearest rank: the smallest value with at least that share of the values at or
 * below it (p99 of 100 values is the 99th smallest). Undefined for no values.
 */
export function nearestRank(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
