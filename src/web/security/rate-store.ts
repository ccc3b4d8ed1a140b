/**
 * Where rate-limit counters live: in this process's memory (PGlite: one process serves), or in the database
 * for instances sharing PostgreSQL (src/db/rate-limit-hits.ts).
 */
import type { RateStore } from '../../db/rate-limit-hits.ts';

export type { RateStore } from '../../db/rate-limit-hits.ts';
export { databaseRateStore } from '../../db/rate-limit-hits.ts';

export function memoryRateStore(maxBuckets = 50_000): RateStore {
  const hits = new Map<string, { start: number; count: number }>();
  return {
    async hit(bucket, now, windowMs) {
      const entry = hits.get(bucket);
      if (!entry || now - entry.start >= windowMs) {
        hits.set(bucket, { start: now, count: 1 });
        if (hits.size > maxBuckets) for (const [k, v] of hits) if (now - v.start >= windowMs) hits.delete(k);
        return 1;
      }
      return ++entry.count;
    },
    async count(bucket, now, windowMs) {
      const entry = hits.get(bucket);
      return entry && now - entry.start < windowMs ? entry.count : 0;
    },
  };
}
