/**
 * The public portal's page cache. A visitor who is not signed in sees the same page as every other such
 * visitor with the same 简/繁 and 适老化 choice, so the rendered HTML is kept (byte-bounded, least recently
 * used first out) and served again without touching the database until the records it shows change.
 *
 * Freshness, by what changed (issue #18): each kept page depends on tags named from its path, and each
 * audited change names the tags it makes stale (./page-tags.ts: an item's page and the lists, one report's
 * page and the lists; a change of an unlisted kind, every page). Only the pages whose tags a change names
 * leave the cache. A change is heard twice: from this process's `recordAudit` as it is written (so this
 * process's next request sees it), and from the database's change feed once it commits (src/db/
 * change-feed.ts: LISTEN/NOTIFY on PostgreSQL, PGlite's own listen), which is how every other instance on
 * the same database hears it — a notification, not a look-up per request, so a cached answer costs no round
 * trip — and which also drops a page rendered between an event and its commit. A listener that lost its
 * connection treats what it missed as a change of everything; `ttlMs` bounds what nothing announced (a
 * change written without its audit event). Never cached: signed-in users, other methods, statuses and
 * types, and a page that carries the visitor's own CSRF token.
 *
 * A kept page is compressed once (brotli and gzip, src/web/content-coding.ts) and sent in the coding the
 * browser accepts, with an ETag: a browser that has the page already is answered 304 Not Modified.
 */
import type { MiddlewareHandler } from 'hono';
import { onAudited } from '../db/audit.ts';
import { type Change, subscribeToChanges } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { type Coded, chooseCoding, codedAs, encodePage, matchesEtag } from './content-coding.ts';
import type { AppEnv } from './env.ts';
import { EVERY_PAGE } from './page-tags.ts';
import { toVisitorScript } from './prefs.ts';

export interface PageCacheOptions {
  /** Which paths are public pages to cache. */
  paths: RegExp;
  /** Bytes kept at most (HTML as sent). Default 64 MiB. */
  maxBytes?: number;
  /** A page is rendered again after this long whatever happened. Default 60 s. */
  ttlMs?: number;
  /** The tags a page depends on, from its path (default none: only a change of everything makes it new). */
  tagsOfPage?: (path: string) => readonly string[];
  /** The tags a change makes stale (default: every page, `*`). */
  tagsOfChange?: (change: Change) => readonly string[];
  /** Hear changes from the database's change feed (default true; off: only this process's own events). */
  feed?: boolean;
  /** Told when the change feed cannot start (the cache then relies on this process's events and the ttl). */
  log?: (error: unknown) => void;
  now?: () => number;
}

interface Entry {
  page: Coded;
  /** Bytes counted for it: the page and its compressed copies when it was kept or last sent. */
  size: number;
  type: string;
  /** The change count when the page's rendering started. */
  seen: number;
  tags: readonly string[];
  expires: number;
}

/** Tags remembered at most; past it they are forgotten and every page is made new once. */
const MAX_TAGS = 100_000;

/** When each tag last went stale, as a count of changes heard. */
function staleness() {
  let count = 0;
  const changedAt = new Map<string, number>();
  return {
    get count() {
      return count;
    },
    change(tags: readonly string[]) {
      if (tags.length === 0) return;
      count++;
      if (changedAt.size > MAX_TAGS) {
        changedAt.clear();
        changedAt.set(EVERY_PAGE, count);
      }
      for (const tag of tags) changedAt.set(tag, count);
    },
    /** Whether a page of `tags` rendered when the count was `seen` is still what the records show. */
    fresh(tags: readonly string[], seen: number) {
      if ((changedAt.get(EVERY_PAGE) ?? 0) > seen) return false;
      for (const tag of tags) if ((changedAt.get(tag) ?? 0) > seen) return false;
      return true;
    },
  };
}

export function pageCache(db: Db, opts: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const ttlMs = opts.ttlMs ?? 60_000;
  const tagsOfPage = opts.tagsOfPage ?? (() => []);
  const tagsOfChange = opts.tagsOfChange ?? (() => [EVERY_PAGE]);
  const stale = staleness();
  const heard = (change: Change | null) => stale.change(change ? tagsOfChange(change) : [EVERY_PAGE]);
  onAudited(heard);
  // Nothing is kept before the feed listens (a change announced before then would go unheard); a feed that
  // cannot start leaves this process's own events and the ttl.
  let listening = !(opts.feed ?? true);
  if (!listening) {
    const listen = () => {
      listening = true;
    };
    subscribeToChanges(db, heard).then(listen, (error) => {
      listen();
      opts.log?.(error);
    });
  }
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const sizeOf = ({ page }: Entry) => page.identity.byteLength + page.codedBytes;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= old.size;
    entries.delete(key);
  };
  const trim = () => {
    while (bytes > maxBytes) drop(entries.keys().next().value as string);
  };
  const store = (key: string, entry: Entry) => {
    drop(key);
    entry.size = sizeOf(entry);
    if (entry.size > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.size;
    trim();
  };
  /** A kept page sent in a coding it had no copy in yet: the copy counts from now. */
  const grown = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    const size = sizeOf(entry);
    bytes += size - entry.size;
    entry.size = size;
    trim();
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.get('user') || !opts.paths.test(c.req.path)) return next();
    const seen = stale.count;
    const key = `${c.req.url}\n${c.get('script')}\n${c.get('largeText') ? 1 : 0}`;
    const hit = entries.get(key);
    if (hit && stale.fresh(hit.tags, hit.seen) && hit.expires > now()) {
      // Most recently used last: the oldest unused page goes first.
      entries.delete(key);
      entries.set(key, hit);
      const { body, headers } = await reply(hit.page, hit.type, c.req.raw.headers);
      grown(key, hit);
      return body ? c.body(body, 200, headers) : c.body(null, 304, headers);
    }
    await next();
    // Kept as sent: in the visitor's script (繁 converted before compressing, never after).
    await toVisitorScript(c);
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.get('user') || !listening) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const token = c.get('csrfToken');
    if (token && Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(token)) return;
    const page = encodePage(body);
    // Compressed first (in the coding this visitor accepts), then kept with its size.
    const { body: sent, headers } = await reply(page, type, c.req.raw.headers);
    store(key, { page, size: 0, type, seen, tags: tagsOfPage(c.req.path), expires: now() + ttlMs });
    // The page as just rendered, sent as every later visitor gets it; the headers set on the way are kept.
    c.res = new Response(sent, { status: sent ? 200 : 304, headers });
  };
}

/** A kept page in the coding the browser accepts; no body (304) when the browser holds this very page. */
async function reply(page: Coded, type: string, request: Headers) {
  // Cookie: the page differs with the visitor's 简/繁 and 适老化 choice, kept in cookies.
  const headers: Record<string, string> = { 'content-type': type, etag: page.etag, vary: 'Accept-Encoding, Cookie' };
  if (matchesEtag(request.get('if-none-match') ?? undefined, page.etag)) {
    return { body: null, headers };
  }
  const coding = chooseCoding(request.get('accept-encoding') ?? undefined);
  if (coding) headers['content-encoding'] = coding;
  const body = (await codedAs(page, coding)) as Uint8Array<ArrayBuffer>;
  return { body, headers };
}
