/**
 * Expired sessions removed (src/auth/session.ts): a session is refused once expired, but its row stays
 * until this job or its owner's next visit deletes it.
 */
import { purgeExpiredSessions } from '../auth/session.ts';
import type { Job, JobResult } from './job.ts';

export const sessionPurge = {
  name: 'session-purge' as const,
  title: '清理过期会话',
  async run(deps): Promise<JobResult> {
    return { purged: await purgeExpiredSessions(deps) };
  },
} satisfies Job;
