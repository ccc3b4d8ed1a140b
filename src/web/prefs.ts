/**
 * Reader preferences kept in cookies: 简 / 繁 and the 适老化 large-text mode. The 繁 version is the same page
 * converted by OpenCC after rendering, so every page gets it without knowing about it.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as OpenCC from 'opencc-js';
import type { AppEnv } from './env.ts';
import { safeLocalPath } from './security/redirect.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function readPrefs(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('script', getCookie(c, 'gk_script') === 'hant' ? 'hant' : 'hans');
    c.set('largeText', getCookie(c, 'gk_large') === '1');
    await next();
    if (c.get('script') === 'hant' && (c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      const html = await c.res.text();
      c.res = new Response(toTraditional(html), { status: c.res.status, headers: c.res.headers });
    }
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
