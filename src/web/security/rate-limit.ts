/**
 * A fixed-window rate limit per client address for public forms (依申请公开 submissions, status lookups,
 * login). In memory: one process serves one site; a cluster would move this to the database.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import { memoryRateStore, type RateStore } from './rate-store.ts';

export interface RateLimitOptions {
  /** Requests allowed per window per client. */
  limit: number;
  windowMs: number;
  /** Which methods count (default: POST only). */
  methods?: string[];
  /** Reverse proxies in front that append to X-Forwarded-For (default 0: the connection's address counts). */
  trustedProxies?: number;
  now?: () => number;
  /** Where the counts live (default: this process's memory; src/web/security/rate-store.ts). */
  store?: RateStore;
  /** The limiter's name in a shared store (default 'limit'); limiters sharing a store need distinct names. */
  name?: string;
  /**
   * Count only the requests whose answer has this status (e.g. 401: failed sign-ins), so that a whole office
   * behind one address signing in at 8:30 is never refused; a client over the limit is still refused first.
   */
  countStatus?: number;
}

export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const store = opts.store ?? memoryRateStore();
  const name = opts.name ?? 'limit';
  const methods = new Set(opts.methods ?? ['POST']);
  const now = opts.now ?? Date.now;
  // A request that several of this limiter's paths match (`/track` and `/track/*`) counts once.
  const counted = new WeakSet<Request>();
  return async (c, next) => {
    if (!methods.has(c.req.method) || counted.has(c.req.raw)) return next();
    counted.add(c.req.raw);
    const bucket = `${name}:${clientAddress(c.req.raw.headers, c.env, opts.trustedProxies ?? 0)}`;
    if (opts.countStatus === undefined) {
      if ((await store.hit(bucket, now(), opts.windowMs)) > opts.limit) {
        throw new AppError('rate_limited', '提交过于频繁，请稍后再试。');
      }
      return next();
    }
    if ((await store.count(bucket, now(), opts.windowMs)) >= opts.limit) {
      throw new AppError('rate_limited', '尝试次数过多，请稍后再试。');
    }
    await next();
    if (c.res.status === opts.countStatus) await store.hit(bucket, now(), opts.windowMs);
  };
}

/** A loopback or private-network address: where a reverse proxy of ours connects from. */
export function isProxyAddress(address: string): boolean {
  const a = address.replace(/^::ffff:/i, '');
  if (a === '::1' || /^f[cd][0-9a-f]{2}:/i.test(a)) return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(a);
  if (!m) return false;
  const [x, y] = [Number(m[1]), Number(m[2])];
  return x === 127 || x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168);
}

/**
 * Whom to count. Behind `trustedProxies` proxies, each appending the address it saw to X-Forwarded-For, the
 * client is the entry the farthest trusted proxy added: entries before it are the client's own words and may
 * be forged. The header counts only on a connection from a proxy (loopback or a private network): a client
 * that reaches the port around the proxy sends the header itself (issue #19: 200 sign-in tries of 200 with a
 * forged one each), and its connection's address counts. Without trusted proxies the connection's address
 * counts, whatever the header says.
 */
export function clientAddress(headers: Headers, env: unknown, trustedProxies = 0): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (trustedProxies > 0 && forwarded.length > 0 && (peer === undefined || isProxyAddress(peer))) {
    return forwarded[Math.max(0, forwarded.length - trustedProxies)];
  }
  return peer ?? forwarded[0] ?? 'local';
}
