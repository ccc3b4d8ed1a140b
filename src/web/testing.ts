/**
 * A browser for web tests: keeps the cookies the site sets (session, CSRF), reads the CSRF token from each
 * page it gets, and posts forms (urlencoded or multipart) with that token unless told not to.
 *
 * @example
 * const b = testBrowser(createSite({ db, clock, secret: 'test', log: () => {} }));
 * await b.get('/login');
 * await b.post('/login', { username: 'edu', password: TEST_PASSWORD });
 */
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

export function testBrowser(app: Hono<AppEnv>) {
  const jar = new Map<string, string>();
  let token = '';
  const send = async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, {
      ...init,
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0].split('=');
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return res;
  };
  return {
    send,
    token: () => token,
    get: async (path: string) => {
      const res = await send(path);
      const html = await res.text();
      token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? token;
      return { res, html };
    },
    post: (path: string, fields: Record<string, string>, withToken = true) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...(withToken ? { _csrf: token } : {}), ...fields }).toString(),
      }),
    /** multipart/form-data (fetch sets the boundary): fields, then files appended under their names. */
    multipart: (
      path: string,
      fields: Record<string, string | File>,
      files: [string, File][] = [],
      withToken = true,
    ) => {
      const form = new FormData();
      if (withToken) form.set('_csrf', token);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      for (const [k, f] of files) form.append(k, f);
      return send(path, { method: 'POST', body: form });
    },
  };
}
