/** @jsxImportSource hono/jsx */
/**
 * The web application: public portal, staff console and JSON API on one Hono app. Routes stay thin: they
 * validate, call a domain action and render. Security for every route is set up here: secure headers,
 * CSRF on every unsafe request, rate limits on public forms, one error handler.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Clock } from '../clock.ts';
import { AppError, isAppError } from '../errors.ts';
import { DOWNLOAD_CSP } from '../files.ts';
import { type Logger, log as processLog } from '../log.ts';
import { assetRoutes } from './assets.ts';
import type { AppEnv } from './env.ts';
import { errorPage, handleError } from './errors.tsx';
import { prefsRoutes, readPrefs } from './prefs.ts';
import { requestLog } from './request-log.ts';
import { bodyLimits } from './security/body-limit.ts';
import { csrf } from './security/csrf.ts';
import { inputGuard } from './security/input-guard.ts';
import { rateLimit } from './security/rate-limit.ts';
import type { RateStore } from './security/rate-store.ts';

export interface WebOptions {
  clock: Clock;
  /** Secret for CSRF tokens and session ids. */
  secret: string;
  /** The site's name in the banner, e.g. 示范县人民政府. */
  site: string;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** The public origin behind a reverse proxy (src/public-url.ts). */
  publicOrigin?: string;
  /** Reverse proxies that append to X-Forwarded-For, for the rate limits' client address. */
  trustedProxies?: number;
  /** Public form submissions allowed per client per minute. */
  publicFormsPerMinute?: number;
  /** Failed sign-ins allowed per client address in 15 minutes (default 30). */
  failedLoginsPerQuarter?: number;
  /** Uploads (bodies past the small cap, src/web/security/body-limit.ts) read at once; more get 503. */
  maxConcurrentUploads?: number;
  /** Searches and data exports (uncached, the costly public pages) allowed per client per minute. */
  searchesPerMinute?: number;
  /** Application status lookups (by tracking code) allowed per client per minute. */
  lookupsPerMinute?: number;
  /** Where the rate limits count (default: this process's memory; shared in the database on PostgreSQL). */
  rateStore?: RateStore;
  /** Called with each unexpected error (a test's way to see them); the logger logs them either way. */
  log?: (error: unknown) => void;
  /** The request log and error log (src/log.ts); default the process's logger. */
  logger?: Logger;
  /** Loads the signed-in user (src/web/auth.tsx); without it every request is anonymous. */
  session?: MiddlewareHandler<AppEnv>;
  /** Serves public pages again without rendering them (src/web/page-cache.ts); runs after the session, before CSRF. */
  pageCache?: MiddlewareHandler<AppEnv>;
  /** Feature modules add their routes here (portal pages, console, API). */
  modules?: ((app: Hono<AppEnv>) => void)[];
}

export function createApp(opts: WebOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logger = opts.logger ?? processLog;

  app.use(requestLog(logger));
  // Outside the secure headers: a download keeps its own sandbox CSP, which the site's would overwrite.
  app.use(async (c, next) => {
    await next();
    if ((c.res.headers.get('content-disposition') ?? '').startsWith('attachment'))
      c.res.headers.set('content-security-policy', DOWNLOAD_CSP);
  });
  app.use(
    secureHeaders({
      // No 'unsafe-inline' anywhere (issue #19): the stylesheet is a file (src/web/assets.ts), no markup carries a
      // style attribute (report tables use classes; the charts' SVG carries presentation attributes instead,
      // src/report/render/charts.ts), and there is no script at all. An injected <style> or style="" is inert.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // No address of this site (a tracking code, a search) is told to another site; stricter than
      // strict-origin-when-cross-origin, and the site reads no Referer itself.
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      // A route that sends its own policy keeps it: the report's standalone HTML allows its one <style> by hash
      // (src/web/pages/reports.tsx); a download's sandbox CSP is set again above, whatever the route sent.
      overwrite: false,
    }),
  );
  // The stylesheet: before the session, CSRF and page cache, so a request for it reads no database and sets no
  // cookie; after the secure headers, so it has them too.
  assetRoutes(app);
  app.use(readPrefs());
  app.use(async (c, next) => {
    c.set('publicOrigin', opts.publicOrigin);
    await next();
  });
  // Before anything reads a body (the session, CSRF, routes; the 404 too): every body within its route's cap.
  app.use(
    bodyLimits({
      maxConcurrentUploads: opts.maxConcurrentUploads,
      refuse: (c, status, message) => errorPage(c as never, status, message, opts.site),
    }),
  );
  // NUL bytes and broken text anywhere in the address or the body: 400 before any route or query sees them.
  app.use(inputGuard());
  app.use(
    opts.session ??
      (async (c, next) => {
        c.set('user', null);
        await next();
      }),
  );
  // A kept page is answered before CSRF: it is a GET (the cache takes no other method, so every unsafe request
  // still meets the check) and holds no form that needs a token (a page carrying one is never kept), so it
  // costs no browser secret, HMAC or cookie. The first page with a form sets the cookie.
  if (opts.pageCache) app.use(opts.pageCache);
  app.use(csrf(opts.secret, { secure: opts.secureCookies ?? false }));
  // Pages and answers that may hold personal data are kept by no browser and no proxy.
  const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (!(c.res.headers.get('Cache-Control') ?? '').includes('no-store'))
      c.res.headers.set('Cache-Control', 'no-store');
  };
  for (const path of ['/console', '/console/*', '/api/cases', '/api/cases/*', '/login']) app.use(path, noStore);
  const proxies = opts.trustedProxies ?? 0;
  const store = opts.rateStore;
  const limit = rateLimit({
    name: 'forms',
    store,
    limit: opts.publicFormsPerMinute ?? 20,
    windowMs: 60_000,
    trustedProxies: proxies,
  });
  app.use('/apply/*', limit);
  app.use('/track/correction', limit);
  app.use('/api/cases', limit); // filing through the public API: the same count as the portal's form
  // Sign-in: failed tries per address (the account lockout counts per account); successes are not counted, so an
  // office of many staff behind one address all sign in at 8:30.
  app.use(
    '/login',
    rateLimit({
      name: 'logins',
      store,
      limit: opts.failedLoginsPerQuarter ?? 30,
      windowMs: 15 * 60_000,
      trustedProxies: proxies,
      countStatus: 401,
    }),
  );
  // Looking an application up by its code: enough for anyone checking their own, too few to try codes.
  const lookups = rateLimit({
    name: 'lookups',
    store,
    limit: opts.lookupsPerMinute ?? 30,
    windowMs: 60_000,
    methods: ['GET'],
    trustedProxies: proxies,
  });
  app.use('/track', lookups);
  app.use('/track/*', lookups);
  app.use('/apply/receipt/*', lookups);
  app.use('/api/cases/track/*', lookups);
  // Searches and exports the page cache does not hold: each distinct query is work for the database (issue
  // #19: at 200 connections PGlite answered 1.45 searches a second). Cached pages are served before this.
  const searches = rateLimit({
    name: 'searches',
    store,
    limit: opts.searchesPerMinute ?? 60,
    windowMs: 60_000,
    methods: ['GET'],
    trustedProxies: proxies,
  });
  for (const path of ['/search', '/apply/lookup', '/api/catalog/search', '/data/export.*', '/reports/*'])
    app.use(path, searches);

  prefsRoutes(app);
  for (const add of opts.modules ?? []) add(app);

  app.notFound((c) =>
    errorPage(c, 404, `没有找到您要访问的页面：${c.req.path}。它可能已被移除或地址有误。`, opts.site),
  );
  app.onError((error, c) => {
    if (isAppError(error)) c.get('log')?.info({ code: error.code }, 'refused');
    return handleError(error, c, opts.site, (e) => {
      (c.get('log') ?? logger).error({ err: e }, 'unexpected error');
      opts.log?.(e);
    });
  });
  return app;
}

/** Throws when the condition fails: a guard for routes. */
export function ensure(condition: unknown, code: 'forbidden' | 'not_found', message: string): asserts condition {
  if (!condition) throw new AppError(code, message);
}
