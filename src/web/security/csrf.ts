/**
 * CSRF protection for every form: a per-browser secret in an HttpOnly cookie, and a token derived from it
 * (HMAC with the server secret) that each form carries in a hidden `_csrf` field or an `x-csrf-token` header.
 * Unsafe methods without a matching token are refused with 403.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../errors.ts';

const COOKIE = 'gk_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(serverSecret: string, browserSecret: string): string {
  return createHmac('sha256', serverSecret).update(`csrf:${browserSecret}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrf(serverSecret: string, opts: { secure: boolean }): MiddlewareHandler {
  return async (c, next) => {
    let browserSecret = getCookie(c, COOKIE);
    if (!browserSecret || browserSecret.length < 20) {
      browserSecret = randomBytes(24).toString('base64url');
      setCookie(c, COOKIE, browserSecret, { httpOnly: true, sameSite: 'Lax', secure: opts.secure, path: '/' });
    }
    const expected = csrfToken(serverSecret, browserSecret);
    c.set('csrfToken', expected);
    if (!SAFE.has(c.req.method)) {
      let sent = c.req.header('x-csrf-token') ?? '';
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.includes('form')) {
          const body = await c.req.parseBody({ all: true });
          const field = body._csrf;
          sent = typeof field === 'string' ? field : '';
        }
      }
      if (!sent || !sameToken(sent, expected)) {
        throw new AppError('forbidden', '表单已失效或来源不明（CSRF 校验未通过），请刷新页面后重新提交。');
      }
    }
    await next();
  };
}
