/** Jobs for the sandbox's own tests: one that never ends, one that eats memory, one that answers. */
export function spin(): never {
  for (;;) {
    // a read that never ends
  }
}

export function grow(): never {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `行${i}${kept.length}`));
}

export const echo = (value: unknown) => value;

/** Keeps the worker busy for `ms` milliseconds, then answers. */
export function busy(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy
  }
  return ms;
}
