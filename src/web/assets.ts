/**
 * The site's static assets: today the one stylesheet (src/web/components/styles.ts). It is served as a file, not
 * inlined, so the Content-Security-Policy needs no 'unsafe-inline' for styles (issue #19). Its address names a
 * hash of its content, computed once at startup, so it is kept by browsers and proxies for a year
 * (`immutable`): a changed stylesheet is a new address, and every page links the address of this build.
 *
 * The route is answered before the session, CSRF and page cache run (src/web/app.tsx): no database look-up and
 * no cookie for a file that is the same for every visitor. It is compressed once, on the first request, and
 * sent in the coding the browser accepts (src/web/content-coding.ts), with an ETag for 304 Not Modified.
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { STYLES } from './components/styles.ts';
import { chooseCoding, codedAs, encodePage, matchesEtag } from './content-coding.ts';
import type { AppEnv } from './env.ts';

const stylesBytes = new TextEncoder().encode(STYLES);

/** The stylesheet's address: `/assets/site-<first 16 hex of its SHA-256>.css`. */
export const STYLESHEET_PATH = `/assets/site-${createHash('sha256').update(stylesBytes).digest('hex').slice(0, 16)}.css`;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const file = encodePage(stylesBytes);

export function assetRoutes(app: Hono<AppEnv>): void {
  app.get(STYLESHEET_PATH, async (c) => {
    const headers: Record<string, string> = {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': IMMUTABLE,
      etag: file.etag,
      vary: 'Accept-Encoding',
    };
    if (matchesEtag(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, headers);
    const coding = chooseCoding(c.req.header('accept-encoding'));
    if (coding) headers['content-encoding'] = coding;
    return c.body((await codedAs(file, coding)) as Uint8Array<ArrayBuffer>, 200, headers);
  });
}
