/**
 * Values the portal derives from the records and reads on many pages — the agency tree, the directory's
 * counts by 主题分类 — kept until the records change (issue #18: every fresh page read them again).
 *
 * The version: every change writes an audit event (src/db/audit.ts). In this process the count of events
 * written (`onAudited`) moves at once; on PostgreSQL other processes write too, so the version also carries
 * the count of changes heard from the change feed (src/db/change-feed.ts: each audit event announced when it
 * commits). Until the feed listens, or where it cannot, the audit log's newest id stands in for it (one look
 * at its primary key on every read). A value is also computed again after `ttlMs`, which bounds what the feed
 * can miss (announcements lost with its connection, until it is back and says so) and what no event
 * announces: callers put the day in the key when the value depends on it (an item dated later becomes public
 * on its day).
 */
import { sql } from 'drizzle-orm';
import { onAudited } from '../db/audit.ts';
import { subscribeToChanges } from '../db/change-feed.ts';
import { type Db, driverOf, type Executor } from '../db/client.ts';

/** The audit events this process has written: this process's part of the version. */
let generation = 0;
onAudited(() => {
  generation++;
});

export interface VersionedOptions {
  /** Whether other processes write to the database. Default: on PostgreSQL yes, on PGlite no. */
  sharedDb?: boolean;
  /** Whether to hear other processes' changes from the change feed rather than read the log. Default yes. */
  feed?: boolean;
  /** Kept at most this long. Default 60 s. */
  ttlMs?: number;
  /** Keys kept at most (least recently computed first out). Default 1,000. */
  maxKeys?: number;
  now?: () => number;
}

interface Entry {
  version: string;
  expires: number;
  value: Promise<unknown>;
}

export function versionedValues(db: Executor, opts: VersionedOptions = {}) {
  const shared = opts.sharedDb ?? driverOf(db) === 'postgres';
  const ttlMs = opts.ttlMs ?? 60_000;
  const maxKeys = opts.maxKeys ?? 1000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Changes heard from the feed once it listens (a lost connection is heard as `null`: a change of anything).
  let heard = 0;
  let listening = false;
  const ready: Promise<void> =
    shared && opts.feed !== false
      ? subscribeToChanges(db as Db, () => {
          heard++;
        }).then(
          () => {
            listening = true;
          },
          () => {}, // no feed: the log is read instead
        )
      : Promise.resolve();

  const version = async (): Promise<string> => {
    if (!shared) return String(generation);
    if (listening) return `${generation}:heard ${heard}`;
    const { rows } = await db.execute<{ newest: number | string | null }>(
      sql`select max(id) as newest from audit_events`,
    );
    return `${generation}:${rows[0]?.newest ?? 0}`;
  };

  return {
    /** Resolves once the change feed listens (or will not): values computed before are computed once more. */
    ready,
    version,
    /** The value of `key` computed at the records' current version (computed once however many ask). */
    async get<T>(key: string, compute: () => PromiseLike<T>, at?: string): Promise<T> {
      const v = at ?? (await version());
      const hit = entries.get(key);
      if (hit && hit.version === v && hit.expires > now()) return hit.value as Promise<T>;
      // Settled once into a promise of its own: a query builder (drizzle's) is a thenable that runs its query
      // again on every `then`, so kept as it is every reader would have read the database anew.
      const value = new Promise<T>((resolve) => resolve(compute()));
      entries.delete(key);
      entries.set(key, { version: v, expires: now() + ttlMs, value });
      // A failed computation is not kept.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
