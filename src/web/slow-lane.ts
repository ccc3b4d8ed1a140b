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
 * Slow requests in the database at once on PGlite: four. PGlite runs in a thread of its own (`gongkai serve`,
 * src/db/pglite-thread.ts), so one search's statements run there while other searches' pages are rendered
 * here, and both cores work. A fast page waits for four slow ones at the most (a search's statements take
 * about 1.3 ms of PGlite's thread).
 * Measured on 2 cores (issue #18):
 * - Searches alone at 200 connections: 354–418 searches/s with two (four runs), 359–482 with four (eight runs,
 *   median 427).
 * - 100 connections searching while 20 read catalog items: 191 and 194 searches/s with two, 295 and 284 with
 *   four; search p99 973 and 862 ms against 622 and 675; the items' p99 55 and 57 ms against 75 and 83.
 * - Three and six were no better than four. An earlier measurement compared one lane with two.
 */
export const PGLITE_SLOW_LANE_WIDTH = 4;

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
