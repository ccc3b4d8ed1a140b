/**
 * Values the portal derives from the records and reads on many pages — the agency tree, the directory's
 * counts by 主题分类 — kept until the records change (issue #18: every fresh page read them again).
 *
 * The version: every change writes an audit event (src/db/audit.ts). In this process the count of events
 * heard (`onAudited`) moves at once; on PostgreSQL other processes write too, so the version also carries the audit log's newest
 * id (one look at its primary key). A value is also computed again after `ttlMs`, which bounds the one case
 * the newest id misses (an event that commits after a newer one), and what no event announces: callers put
 * the day in the key when the value depends on it (an item dated later becomes public on its day).
 */
import { sql } from 'drizzle-orm';
import { onAudited } from '../db/audit.ts';
import { driverOf, type Executor } from '../db/client.ts';

/** The audit events this process has written: this process's part of the version. */
let generation = 0;
onAudited(() => {
  generation++;
});

export interface VersionedOptions {
  /** Whether other processes write to the database. Default: on PostgreSQL yes, on PGlite no. */
  sharedDb?: boolean;
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

  const version = async (): Promise<string> => {
    if (!shared) return String(generation);
    const { rows } = await db.execute<{ newest: number | string | null }>(
      sql`select max(id) as newest from audit_events`,
    );
    return `${generation}:${rows[0]?.newest ?? 0}`;
  };

  return {
    version,
    /** The value of `key` computed at the records' current version (computed once however many ask). */
    async get<T>(key: string, compute: () => Promise<T>, at?: string): Promise<T> {
      const v = at ?? (await version());
      const hit = entries.get(key);
      if (hit && hit.version === v && hit.expires > now()) return hit.value as Promise<T>;
      const value = compute();
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
