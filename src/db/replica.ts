/**
 * Reads of the public portal from a streaming replica (issue #18; DATABASE_REPLICA_URL, src/config.ts).
 * `routedDb` is a `Db` that sends a query to the replica only inside `onReplica(…)` (the site wraps the
 * public pages visitors who are not signed in ask for) and only while the replica has replayed every change
 * announced so far, and so does a transaction declared read only (search's fixed plans: src/catalog/search.ts);
 * everything else — writes, other transactions, signed-in users, the jobs — goes to the primary.
 *
 * Lag: a change is heard from the primary's change feed once it commits (./change-feed.ts); from then the
 * portal reads the primary until the replica's replay position reaches the primary's WAL position taken when
 * the change was heard (checked every `CATCH_UP_POLL_MS`). So a visitor never gets, and the page cache never
 * keeps, a page older than a change it has been told of. A replica that cannot be asked is passed over.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { subscribeToChanges } from './change-feed.ts';
import type { Db } from './client.ts';

/** How often a lagging replica's replay position is read while the portal waits for it. */
const CATCH_UP_POLL_MS = 10;
/** How long to wait before asking again a replica that failed to answer. */
const RETRY_MS = 1000;

export interface RoutedDb {
  /** Use this wherever a `Db` goes: it picks the primary or the replica per query. */
  db: Db;
  /**
   * Runs `fn` with its queries (those not in a transaction, and transactions begun `accessMode: 'read only'`)
   * sent to the replica while it is caught up.
   */
  onReplica<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether queries inside `onReplica` go to the replica now. */
  replicaInUse(): boolean;
}

export async function routedDb(primary: Db, replica: Db): Promise<RoutedDb> {
  const scope = new AsyncLocalStorage<boolean>();
  let caughtUp = true;
  // Each change heard moves this; a catch-up that finishes for an older one leaves the replica out.
  let heard = 0;
  let checking = false;

  const replayed = async (target: string) => {
    const { rows } = await replica.execute<{ ok: boolean }>(
      // Not a standby at all (the same server given twice): the same data, nothing to wait for.
      sql`select coalesce(pg_last_wal_replay_lsn() >= ${target}::pg_lsn, true) as ok`,
    );
    return rows[0]?.ok === true;
  };
  const catchUp = async () => {
    if (checking) return;
    checking = true;
    try {
      for (;;) {
        const waitingFor = heard;
        try {
          const { rows } = await primary.execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
          while (!(await replayed(rows[0].lsn))) await pause(CATCH_UP_POLL_MS);
        } catch {
          await pause(RETRY_MS);
          continue;
        }
        if (waitingFor === heard) {
          caughtUp = true;
          return;
        }
      }
    } finally {
      checking = false;
    }
  };
  await subscribeToChanges(primary, () => {
    heard++;
    caughtUp = false;
    void catchUp();
  });

  const onStandby = () => scope.getStore() === true && caughtUp;
  // A transaction declared read only (PgTransactionConfig.accessMode) reads as a single query does; any other
  // may write, and goes to the primary.
  const transaction: Db['transaction'] = (fn, options) =>
    (options?.accessMode === 'read only' && onStandby() ? replica : primary).transaction(fn, options);
  const db = new Proxy(primary, {
    get(target, prop) {
      if (prop === 'transaction') return transaction;
      const chosen = onStandby() ? replica : target;
      const value = Reflect.get(chosen, prop, chosen);
      return typeof value === 'function' ? value.bind(chosen) : value;
    },
  });
  return {
    db,
    onReplica: (fn) => scope.run(true, fn),
    replicaInUse: () => caughtUp,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
