/**
 * PGlite has one connection: its queries run one at a time, in the order they are asked. Under load, 200
 * searches (each several queries walking thousands of rows) fill that queue and an item page's few index
 * look-ups wait behind all of them (issue #18: p99 of seconds for every page). The slow lane lets at most
 * `width` requests of the slow kinds into the database at once; the others wait here, in order, so a fast
 * page waits for at most `width` slow ones. On a server, with a pool of connections, it is not used.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** Slow requests in the database at once on PGlite: one keeps the others' wait to one slow request. */
export const PGLITE_SLOW_LANE_WIDTH = 1;

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
