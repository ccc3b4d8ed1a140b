/**
 * Rate-limit counters in the database, shared by every server instance on one PostgreSQL database behind a
 * load balancer, so a visitor's tries are counted once whichever instance answers (issue #18: the limits
 * lived in each process's memory). The counting itself is src/web/security/rate-limit.ts.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { rateLimitHits } from './schema/rate-limits.ts';

export interface RateStore {
  /**
   * Counts one hit of `bucket` at `now` (ms) in its window: a window starts at a bucket's first hit and lasts
   * `windowMs`; a hit after it starts a new one. Resolves to the window's count, this hit included.
   */
  hit(bucket: string, now: number, windowMs: number): Promise<number>;
  /** The window's count so far, without counting (0 when none or the window ended). */
  count(bucket: string, now: number, windowMs: number): Promise<number>;
}

/** One upsert per counted request (atomic under concurrency): a hit past the window starts a new one at 1. */
export function databaseRateStore(db: Executor): RateStore {
  return {
    async hit(bucket, now, windowMs) {
      const inWindow = sql`excluded.window_start - ${rateLimitHits.windowStart} < ${windowMs}`;
      const [row] = await db
        .insert(rateLimitHits)
        .values({ bucket, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimitHits.bucket,
          set: {
            count: sql`case when ${inWindow} then ${rateLimitHits.count} + 1 else 1 end`,
            windowStart: sql`case when ${inWindow} then ${rateLimitHits.windowStart} else excluded.window_start end`,
          },
        })
        .returning({ count: rateLimitHits.count });
      return row.count;
    },
    async count(bucket, now, windowMs) {
      const [row] = await db.select().from(rateLimitHits).where(eq(rateLimitHits.bucket, bucket));
      return row && now - row.windowStart < windowMs ? row.count : 0;
    },
  };
}

/** Counters whose window started before `before` (ms) removed: run by the session-purge job. */
export async function purgeRateLimitHits(db: Executor, before: number): Promise<number> {
  const rows = await db
    .delete(rateLimitHits)
    .where(sql`${rateLimitHits.windowStart} < ${before}`)
    .returning({ bucket: rateLimitHits.bucket });
  return rows.length;
}
