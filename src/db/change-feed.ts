/**
 * What changed, as every process on the database hears it (issue #18). Each audit event is announced on one
 * channel when its transaction commits (the trigger of drizzle/0014_change_feed.sql: `pg_notify` with
 * '<entity_type>:<entity_id>'), by whichever process wrote it: a second server instance, `gongkai import`,
 * this process. On PostgreSQL a connection of its own LISTENs; on PGlite the instance's own `listen` (the
 * commands reaching a running server through its socket write into the same instance, so they are heard too).
 *
 * A listener that lost its connection may have missed announcements: it is told `null` (assume anything
 * changed) when it is back, and retries every `RETRY_MS` until it is.
 */
import pg from 'pg';
import type { Db } from './client.ts';

export const CHANGES_CHANNEL = 'gongkai_changes';
/** How long a lost listening connection waits before it connects again. */
const RETRY_MS = 1000;

/** One audited change: its entity type and id as the audit event names them. */
export interface Change {
  entityType: string;
  entityId: string | null;
}

/** The announcement's payload read back ('<entity_type>:<entity_id>'; the id may be empty). */
export function parseChange(payload: string): Change {
  const at = payload.indexOf(':');
  if (at < 0) return { entityType: payload, entityId: null };
  return { entityType: payload.slice(0, at), entityId: payload.slice(at + 1) || null };
}

/** `null`: announcements may have been missed (the connection was lost); treat it as a change of anything. */
export type ChangeListener = (change: Change | null) => void;

const feedsOf = new WeakMap<object, Set<() => Promise<void>>>();
const sharedOf = new WeakMap<object, { listeners: Set<ChangeListener>; ready: Promise<unknown> }>();

/** Stops every feed opened on `pool` (its Db's close calls this before ending the pool). */
export async function stopFeedsOf(pool: object): Promise<void> {
  sharedOf.delete(pool);
  const feeds = feedsOf.get(pool);
  if (!feeds) return;
  feedsOf.delete(pool);
  await Promise.all([...feeds].map((stop) => stop()));
}

/**
 * `listener` told of each committed change, through one feed per database handle however many subscribe (a
 * page cache per site: many sites in a test would otherwise each hold a connection). Resolves once the feed
 * listens; a feed that cannot start is logged by the caller and leaves the subscriber to its ttl.
 */
export function subscribeToChanges(db: Db, listener: ChangeListener): Promise<void> {
  const client = (db as { $client?: object } | undefined)?.$client;
  if (!client) return Promise.resolve();
  let feed = sharedOf.get(client);
  if (!feed) {
    const listeners = new Set<ChangeListener>();
    const ready = listenForChanges(db, (change) => {
      for (const each of listeners) each(change);
    });
    feed = { listeners, ready };
    sharedOf.set(client, feed);
    ready.catch(() => sharedOf.delete(client));
  }
  feed.listeners.add(listener);
  return feed.ready.then(() => {});
}

/**
 * Calls `listener` with each change committed to the database from now on; resolves once listening, to a
 * function that stops. A Db with neither a pool nor a PGlite instance behind it (a site without a database in
 * a test) hears nothing.
 */
export async function listenForChanges(db: Db, listener: ChangeListener): Promise<() => Promise<void>> {
  const client = (db as { $client?: unknown } | undefined)?.$client;
  if (client instanceof pg.Pool) return listenOnServer(client, listener);
  const pglite = client as {
    listen?: (channel: string, cb: (payload: string) => void) => Promise<() => Promise<void>>;
  };
  if (typeof pglite?.listen === 'function') {
    return pglite.listen(CHANGES_CHANNEL, (payload) => listener(parseChange(payload)));
  }
  return async () => {};
}

async function listenOnServer(pool: pg.Pool, listener: ChangeListener): Promise<() => Promise<void>> {
  // Its own connection, outside the pool: a LISTENing session stays open for the life of the process.
  const options = (pool as unknown as { options: pg.ClientConfig }).options;
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ ...options, application_name: 'gongkai-changes' });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) listener(parseChange(message.payload ?? ''));
    });
    const lost = () => {
      if (current !== client || stopped) return;
      current = undefined;
      void client.end().catch(() => {});
      again();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    current = client;
  };
  const again = () => {
    retry = setTimeout(() => {
      if (stopped) return;
      connect().then(
        // Back: what was announced while away is unknown.
        () => listener(null),
        () => again(),
      );
    }, RETRY_MS);
    retry.unref();
  };

  await connect();
  const stop = async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => {});
    feedsOf.get(pool)?.delete(stop);
  };
  const feeds = feedsOf.get(pool) ?? new Set();
  feedsOf.set(pool, feeds);
  feeds.add(stop);
  return stop;
}
