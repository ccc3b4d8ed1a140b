import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every server instance on one PostgreSQL database (src/web/security/
 * rate-store.ts): one row per limiter and client, the fixed window it counts in and its count. On PGlite one
 * process serves, and the counters stay in its memory.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  /** `<limiter>:<client address>`. */
  bucket: text('bucket').primaryKey(),
  /** The window's start, in ms since the epoch (aligned to the window's length). */
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
});
