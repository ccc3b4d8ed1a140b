/**
 * A fixed-window rate limit per client address for public forms (依申请公开 submissions, status lookups,
 * login). In memory: one process serves one site; a cluster would move this to the database.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';

export interface RateLimitOptions {
  /** Requests allowed per window per client. */
  limit: number;
  windowMs: number;
  /** Which methods count (default: POST only). */
  methods?: string[];
  now?: () => number;
}

export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const hits = new Map<string, { start: number; count: number }>();
  const methods = new Set(opts.methods ?? ['POST']);
  const now = opts.now ?? Date.now;
  return async (c, next) => {
    if (methods.has(c.req.method)) {
      const key = clientAddress(c.req.raw.headers, c.env);
      const t = now();
      const entry = hits.get(key);
      if (!entry || t - entry.start >= opts.windowMs) {
        hits.set(key, { start: t, count: 1 });
        if (hits.size > 50_000) pruneOld(hits, t, opts.windowMs);
      } else if (++entry.count > opts.limit) {
        throw new AppError('rate_limited', '提交过于频繁，请稍后再试。');
      }
    }
    await next();
  };
}

function pruneOld(hits: Map<string, { start: number }>, t: number, windowMs: number): void {
  for (const [k, v] of hits) if (t - v.start >= windowMs) hits.delete(k);
}

function clientAddress(headers: Headers, env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
}
