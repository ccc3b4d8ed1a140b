/**
 * What PostgreSQL's autovacuum does on a server and PGlite never does (it runs no background workers):
 * - the planner's statistics: a database loaded or grown since it was opened has none, and the planner,
 *   guessing a handful of rows, filters every published item for an agency's list (issue #18: seconds a page);
 * - the GIN indexes' pending lists (fastupdate): new entries wait in an unordered list that every search of
 *   the index reads whole, until a vacuum or an analyze by autovacuum merges them. Left alone on PGlite the list
 *   grows to gin_pending_list_limit (4 MB) and every full-text search reads it: after the demo county was
 *   loaded, 437 pages for a one-word lookup, 3.4 ms where the merged index takes 0.1 ms.
 * `gongkai serve` does both when it starts on PGlite, and the upkeep job (src/jobs/database-upkeep.ts) every hour.
 */
import { sql } from 'drizzle-orm';
import { type Db, driverOf } from './client.ts';

/** What one upkeep did: tables analyzed (all of them) and the pending-list pages merged into GIN indexes. */
export interface Upkeep {
  analyzed: boolean;
  ginPagesMerged: number;
}

/**
 * Whether the database is PGlite: opened here, or a serving process's PGlite reached through its socket
 * (./pglite-socket.ts: a node-postgres pool, as on a server, so the backend is asked).
 */
export async function isPglite(db: Db): Promise<boolean> {
  if (driverOf(db) === 'pglite') return true;
  const { rows } = await db.execute<{ pglite: boolean }>(sql`select version() like '%PGlite%' as pglite`);
  return rows[0]?.pglite === true;
}

/** ANALYZE, then every GIN index's pending list merged, on PGlite; nothing on a server (autovacuum does it). */
export async function upkeepOnPglite(db: Db): Promise<Upkeep> {
  if (!(await isPglite(db))) return { analyzed: false, ginPagesMerged: 0 };
  await db.execute(sql`analyze`);
  return { analyzed: true, ginPagesMerged: await mergeGinPendingLists(db) };
}

/** Merges the pending list of every GIN index of the public schema into the index; returns the pages merged. */
export async function mergeGinPendingLists(db: Db): Promise<number> {
  const merged = await db.execute<{ pages: number }>(sql`
    select coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0)::int as pages
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_am am on am.oid = c.relam
    join pg_namespace n on n.oid = c.relnamespace
    where am.amname = 'gin' and n.nspname = 'public'`);
  return Number(merged.rows[0]?.pages ?? 0);
}
