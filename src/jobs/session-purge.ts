/**
 * Expired sessions removed (src/auth/session.ts): a session is refused once expired, but its row stays
 * until this job or its owner's next visit deletes it. Rate-limit counters an hour old go too.
 */
import { purgeExpiredSessions } from '../auth/session.ts';
import { purgeRateLimitHits } from '../db/rate-limit-hits.ts';
import type { Job, JobResult } from './job.ts';

export const sessionPurge = {
  name: 'session-purge' as const,
  title: '清理过期会话',
  async run(deps): Promise<JobResult> {
    // Rate-limit counters of windows long over (an hour; every limit counts per minute) go with them.
    const rateCounters = await purgeRateLimitHits(deps.db, deps.clock.now().getTime() - 3_600_000);
    return { purged: await purgeExpiredSessions(deps), rateCounters };
  },
} satisfies Job;
