/**
 * A query built once per database (issue #18). Drizzle builds a statement's SQL from its builder on every run:
 * for an item page's one statement (its columns, three sub-selects, an alias and a join) that was about 0.15 ms
 * of the page's thread, as much as the rest of its work on the item. `builtOnce` keeps the prepared query, its
 * values given as placeholders, and runs it again with new ones.
 *
 * Kept per client (`$client`: the pool or the PGlite instance), so a routed Db (./replica.ts) keeps one for the
 * primary and one for the standby. Prepared without a name: on a server each run is an unnamed statement as
 * before (a named one would be refused by a second connection to a PGlite socket, which shares one session).
 *
 * @example
 * const byId = (db: Executor) => builtOnce(db, 'item', () => db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare(''));
 * await byId(db).execute({ id: 1 });
 */
import type { Executor } from './client.ts';

const built = new WeakMap<object, Map<string, unknown>>();

export function builtOnce<Q>(db: Executor, key: string, build: () => Q): Q {
  // A transaction has no client of its own: kept on the handle, for as long as it lives.
  const owner = ((db as { $client?: object }).$client ?? db) as object;
  let queries = built.get(owner);
  if (!queries) {
    queries = new Map();
    built.set(owner, queries);
  }
  let query = queries.get(key) as Q | undefined;
  if (query === undefined) {
    query = build();
    queries.set(key, query);
  }
  return query;
}
