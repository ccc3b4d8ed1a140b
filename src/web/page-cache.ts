/**
 * The public portal's page cache. A visitor who is not signed in sees the same page as every other such
 * visitor with the same 简/繁 and 适老化 choice, so the rendered HTML is kept (byte-bounded, least recently
 * used first out) and served again without touching the database until the records change.
 *
 * Freshness: every state change writes an audit event (src/db/audit.ts). A change made in this process moves
 * `auditGeneration()` at once. On PostgreSQL other processes write too (a second server instance on the
 * same database, `gongkai import`), so a request the cache would answer first waits for a look at the audit
 * log that started after the request arrived: the newest id and how many ids there are above a floor a block
 * or two below it (one query on the primary key; the requests that arrive while one look is in flight share
 * the next). Any change there makes the pages new, so a change committed by any instance is served by every
 * instance to the next request that arrives after the commit: no polling interval; the cost is one round
 * trip per cached answer (under 1 ms on one host). The count catches an event that commits after a newer id
 * did (ids are handed out before commit) when it is fewer than RECENT_BLOCK ids behind; one further behind,
 * and a look slower than `lookupTimeoutMs` (the database away: the kept page is served), wait for `ttlMs`.
 * The look also repairs the one race of the in-process signal (a page rendered between an event and its
 * commit). On PGlite one process owns the data and its transactions run one at a time, so the in-process
 * signal is exact and nothing is asked. Never cached: signed-in users, other methods, statuses and types,
 * and a page that carries the visitor's own CSRF token.
 *
 * A kept page is compressed once (brotli and gzip, src/web/content-coding.ts) and sent in the coding the
 * browser accepts, with an ETag: a browser that has the page already is answered 304 Not Modified.
 */
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { auditGeneration } from '../db/audit.ts';
import { driverOf, type Executor } from '../db/client.ts';
import { type Coded, chooseCoding, encodePage, matchesEtag } from './content-coding.ts';
import type { AppEnv } from './env.ts';
import { inVisitorScript } from './prefs.ts';

export interface PageCacheOptions {
  /** Which paths are public pages to cache. */
  paths: RegExp;
  /** Bytes kept at most (HTML as sent). Default 64 MiB. */
  maxBytes?: number;
  /**
   * Whether other processes write to the database, so each request looks at the audit log. Default: on
   * PostgreSQL yes, on PGlite no.
   */
  sharedDb?: boolean;
  /** A look-up at the log slower than this serves the kept page. Default 500 ms. */
  lookupTimeoutMs?: number;
  /** A page is rendered again after this long whatever happened. Default 60 s. */
  ttlMs?: number;
  /**
   * Audit entity types whose events change none of the cached pages (a case's 补正 or reply changes no
   * public page): kept pages stay valid through them. Any other type, a new one included, makes pages new.
   */
  ignoredEntityTypes?: readonly string[];
  now?: () => number;
}

interface Entry {
  page: Coded;
  type: string;
  generation: string;
  expires: number;
}

/**
 * Ids counted below the newest, in blocks: an event that commits after a newer id did is noticed when it
 * is fewer than 1024 (at most 2048) ids behind; one further behind is left to the ttl.
 */
const RECENT_BLOCK = 1024;
const floorOf = (newest: number) => Math.max(0, (Math.floor(newest / RECENT_BLOCK) - 1) * RECENT_BLOCK);

/**
 * The audit log as every process writes it: `changes()` resolves to the count of changes seen by a
 * look-up that started after the call. One look-up at a time; callers that arrive while one is in flight
 * share the next.
 */
function logWatch(db: Executor, timeoutMs: number, ignored: readonly string[]) {
  // Events of ignored types are not counted (an empty list filters nothing).
  const counted = ignored.length
    ? sql` and entity_type not in (${sql.join(
        ignored.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  let seen: { floor: number; newest: number; recent: number } | null = null;
  let changes = 0;
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const read = async (floor: number) => {
    const { rows } = await db.execute<{ newest: number | string | null; recent: number | string }>(
      sql`select max(id) as newest, count(*) as recent from audit_events where id > ${floor}${counted}`,
    );
    return { floor, newest: Number(rows[0]?.newest ?? floor), recent: Number(rows[0]?.recent ?? 0) };
  };
  const compare = async () => {
    if (!seen) {
      const { rows } = await db.execute<{ newest: number | string | null }>(
        sql`select max(id) as newest from audit_events`,
      );
      seen = await read(floorOf(Number(rows[0]?.newest ?? 0)));
      return;
    }
    let now = await read(seen.floor);
    if (now.newest !== seen.newest || now.recent !== seen.recent) changes++;
    // The newest id moved into a new block (so a change was counted above): count from the new floor.
    if (floorOf(now.newest) !== now.floor) now = await read(floorOf(now.newest));
    seen = now;
  };
  const start = () => {
    // The database away (closed, restarting): keep serving; the ttl bounds staleness.
    const work = compare().catch(() => {});
    current = work.finally(() => {
      current = null;
    });
    return current;
  };
  /** The count once `look` is done, or as it stands after timeoutMs (the look goes on; the next waits for it). */
  const settle = async (look: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([look, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return changes;
  };
  return {
    changes(): Promise<number> {
      if (!current) return settle(start());
      next ??= current.then(() => {
        next = null;
        return start();
      });
      return settle(next);
    },
  };
}

export function pageCache(db: Executor, opts: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const ttlMs = opts.ttlMs ?? 60_000;
  const ignored = opts.ignoredEntityTypes ?? [];
  const ignoredSet = new Set(ignored);
  const watch =
    (opts.sharedDb ?? driverOf(db) === 'postgres') ? logWatch(db, opts.lookupTimeoutMs ?? 500, ignored) : null;
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
    const generation = `${auditGeneration(ignoredSet)}:${watch ? await watch.changes() : 0}`;
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
