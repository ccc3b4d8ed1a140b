/**
 * The public portal's page cache. A visitor who is not signed in sees the same page as every other such
 * visitor with the same 简/繁 and 适老化 choice, so the rendered HTML is kept (byte-bounded, least recently
 * used first out) and served again without touching the database until the records change.
 *
 * Freshness: every state change writes an audit event (src/db/audit.ts). A change made in this process moves
 * `auditGeneration()` at once; a change made by another process (a second server on the same PostgreSQL,
 * `gongkai import`) is seen by watching the log's newest id, looked up in the background at most once every
 * `recheckMs`. That look-up also repairs the one race of the first signal (a page rendered between an event
 * and its commit). `ttlMs` bounds anything else. Never cached: signed-in users, other methods, statuses and
 * types, and a page that carries the visitor's own CSRF token.
 *
 * A kept page is compressed once (brotli and gzip, src/web/content-coding.ts) and sent in the coding the
 * browser accepts, with an ETag: a browser that has the page already is answered 304 Not Modified.
 */
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { auditGeneration } from '../db/audit.ts';
import type { Executor } from '../db/client.ts';
import { type Coded, chooseCoding, encodePage, matchesEtag } from './content-coding.ts';
import type { AppEnv } from './env.ts';
import { inVisitorScript } from './prefs.ts';

export interface PageCacheOptions {
  /** Which paths are public pages to cache. */
  paths: RegExp;
  /** Bytes kept at most (HTML as sent). Default 64 MiB. */
  maxBytes?: number;
  /** How often, at most, the audit log's newest id is looked up. Default 1 s. */
  recheckMs?: number;
  /** A page is rendered again after this long whatever happened. Default 60 s. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  page: Coded;
  type: string;
  generation: string;
  expires: number;
}

/** The newest audit event id, watched in the background. */
function logWatch(db: Executor, recheckMs: number, now: () => number) {
  let newest: number | null = null;
  let changes = 0;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inFlight = false;
  const look = async () => {
    inFlight = true;
    try {
      const { rows } = await db.execute<{ id: number | null }>(sql`select max(id) as id from audit_events`);
      const id = rows[0]?.id == null ? 0 : Number(rows[0].id);
      if (newest !== null && id !== newest) changes++;
      newest = id;
    } catch {
      // The database is away (closed, restarting): keep serving; the ttl bounds staleness.
    } finally {
      checkedAt = now();
      inFlight = false;
    }
  };
  return {
    /** The watch's count of changes seen; starts a look-up when the last is older than recheckMs. */
    changes(): number {
      if (!inFlight && now() - checkedAt >= recheckMs) void look();
      return changes;
    },
  };
}

export function pageCache(db: Executor, opts: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const ttlMs = opts.ttlMs ?? 60_000;
  const watch = logWatch(db, opts.recheckMs ?? 1000, now);
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const sizeOf = ({ page }: Entry) => page.identity.byteLength + page.br.byteLength + page.gzip.byteLength;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= sizeOf(old);
    entries.delete(key);
  };
  const store = (key: string, entry: Entry) => {
    drop(key);
    if (sizeOf(entry) > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += sizeOf(entry);
    while (bytes > maxBytes) drop(entries.keys().next().value as string);
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.get('user') || !opts.paths.test(c.req.path)) return next();
    const generation = `${auditGeneration()}:${watch.changes()}`;
    const key = `${c.req.url}\n${c.get('script')}\n${c.get('largeText') ? 1 : 0}`;
    const hit = entries.get(key);
    if (hit && hit.generation === generation && hit.expires > now()) {
      // Most recently used last: the oldest unused page goes first.
      entries.delete(key);
      entries.set(key, hit);
      const { body, headers } = reply(hit.page, hit.type, c.req.raw.headers);
      return body ? c.body(body, 200, headers) : c.body(null, 304, headers);
    }
    await next();
    // Kept as sent: in the visitor's script (繁 converted before compressing, never after).
    c.res = await inVisitorScript(c.get('script'), c.res);
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.get('user')) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const token = c.get('csrfToken');
    if (token && Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(token)) return;
    const page = await encodePage(body);
    store(key, { page, type, generation, expires: now() + ttlMs });
    // The page as just rendered, sent as every later visitor gets it; the headers set on the way are kept.
    const { body: sent, headers } = reply(page, type, c.req.raw.headers);
    c.res = new Response(sent, { status: sent ? 200 : 304, headers });
  };
}

/** A kept page in the coding the browser accepts; no body (304) when the browser holds this very page. */
function reply(page: Coded, type: string, request: Headers) {
  // Cookie: the page differs with the visitor's 简/繁 and 适老化 choice, kept in cookies.
  const headers: Record<string, string> = { 'content-type': type, etag: page.etag, vary: 'Accept-Encoding, Cookie' };
  if (matchesEtag(request.get('if-none-match') ?? undefined, page.etag)) {
    return { body: null, headers };
  }
  const coding = chooseCoding(request.get('accept-encoding') ?? undefined);
  if (coding) headers['content-encoding'] = coding;
  const body = (coding ? page[coding] : page.identity) as Uint8Array<ArrayBuffer>;
  return { body, headers };
}
