/**
 * One log line per request: request id (also sent back as X-Request-Id), method, the route's pattern (never
 * the path or query string, which can carry a tracking code, a name or an ID number), status, duration in ms,
 * and the signed-in user's id. Bodies are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.ts';
import type { AppEnv } from './env.ts';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && INCOMING_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.set('log', logger.child({ requestId: id }));
    await next();
    // After the handler: a Response it built itself (the page cache's) carries no header set before it.
    try {
      c.res.headers.set('X-Request-Id', id);
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('X-Request-Id', id);
    }
    const user = c.get('user');
    logger.info(
      {
        requestId: id,
        method: c.req.method,
        route: routePath(c, -1) || 'unmatched',
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
        ...(user ? { userId: user.id } : {}),
      },
      'request',
    );
  };
}
