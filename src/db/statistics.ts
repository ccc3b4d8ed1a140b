/**
 * The planner's statistics. PostgreSQL's autovacuum keeps them on a server; PGlite runs no autovacuum, so a
 * database loaded or grown since it was opened has none, and the planner, guessing a handful of rows, filters
 * every published item for an agency's list (issue #18: seconds a page). `gongkai serve` brings them up to
 * date when it starts on PGlite.
 */
import { sql } from 'drizzle-orm';
import { type Db, driverOf } from './client.ts';

/** ANALYZE on PGlite (on a server autovacuum does it); returns whether it ran. */
export async function refreshStatisticsOnPglite(db: Db): Promise<boolean> {
  if (driverOf(db) === 'postgres') return false;
  await db.execute(sql`analyze`);
  return true;
}
