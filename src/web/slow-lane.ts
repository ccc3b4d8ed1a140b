/**
 * PGlite has one connection: its queries run one at a time, in the order they are asked. Under load, 200
 * searches (each several queries walking thousands of rows) fill that queue and an item page's few index
 * look-ups wait behind all of them (issue #18: p99 of seconds for every page). The slow lane lets at most
 * `width` requests of the slow kinds into the database at once; the others wait here, in order, so a fast
 * page waits for at most `width` slow ones. On a server, with a pool of connections, it is not used.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * Slow requests in the database at once on PGlite: two, since PGlite runs in a thread of its own (`gongkai serve`,
 * src/db/pglite-thread.ts): one search's statements run there while the other's page is rendered here, so both
 * cores work. A fast page waits for two slow ones at the most. Searches at 200 connections, alternating runs:
 * 235 and 313 searches/s with one, 309 and 331 with two (the titles' commonest words: 164 and 240, 252 and 263).
 */
export const PGLITE_SLOW_LANE_WIDTH = 2;

export function slowLane(width = PGLITE_SLOW_LANE_WIDTH): MiddlewareHandler<AppEnv> {
  let inside = 0;
  const waiting: (() => void)[] = [];
  const leave = () => {
    const next = waiting.shift();
    if (next) next();
    else inside--;
  };
  return async (_c, next) => {
    if (inside < width) inside++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      await next();
    } finally {
      leave();
    }
  };
}
