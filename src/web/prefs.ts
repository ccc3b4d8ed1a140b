/**
 * Reader preferences kept in cookies: 简 / 繁 and the 适老化 large-text mode. The 繁 version is the same page
 * converted by OpenCC after rendering, so every page gets it without knowing about it.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as OpenCC from 'opencc-js';
import type { AppEnv } from './env.ts';
import { safeLocalPath } from './security/redirect.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Responses already in the visitor's script (converted once, by the page cache or here). */
const converted = new WeakSet<Response>();

/**
 * The response in the visitor's script: an HTML page with a body, not yet encoded (a compressed page from the
 * page cache is already converted: its bytes are not text), converted to 繁 once. The page cache calls this
 * before it keeps and compresses a page, so the 简 and 繁 pages are kept apart, each compressed as sent.
 */
export async function inVisitorScript(script: 'hans' | 'hant', res: Response): Promise<Response> {
  if (script !== 'hant' || converted.has(res) || res.status !== 200 || !res.body) return res;
  if (res.headers.get('content-encoding') || !(res.headers.get('content-type') ?? '').startsWith('text/html')) {
    return res;
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  const out = new Response(toTraditional(await res.text()), { status: res.status, headers });
  converted.add(out);
  return out;
}

/**
 * The context's response put in the visitor's script. It is set only when converted: Hono's `res` setter copies
 * the response and its headers, a cost on every page.
 */
export async function toVisitorScript(c: Context<AppEnv>): Promise<void> {
  const res = await inVisitorScript(c.get('script'), c.res);
  if (res !== c.res) c.res = res;
}

export function readPrefs(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('script', getCookie(c, 'gk_script') === 'hant' ? 'hant' : 'hans');
    c.set('largeText', getCookie(c, 'gk_large') === '1');
    await next();
    await toVisitorScript(c);
  };
}

/** Only a path of this site is the page to go back to (src/web/security/redirect.ts). */
const safeBack = (back: string | undefined): string => safeLocalPath(back, '/');

export function prefsRoutes(app: Hono<AppEnv>): void {
  app.get('/prefs/script', (c) => {
    setCookie(c, 'gk_script', c.req.query('to') === 'hant' ? 'hant' : 'hans', { path: '/', sameSite: 'Lax' });
    return c.redirect(safeBack(c.req.query('back')));
  });
  app.get('/prefs/large', (c) => {
    setCookie(c, 'gk_large', c.req.query('on') === '1' ? '1' : '0', { path: '/', sameSite: 'Lax' });
    return c.redirect(safeBack(c.req.query('back')));
  });
}
