/**
 * The database's upkeep on PGlite, which runs no autovacuum (src/db/statistics.ts): the planner's statistics
 * and the full-text index's pending entries, hourly, so that a server running for months plans and searches as
 * it did the day it started. On a PostgreSQL server autovacuum does this: the job is not scheduled there, and run by
 * hand (`gongkai jobs run database-upkeep`) it says so and does nothing.
 */
import { upkeepOnPglite } from '../db/statistics.ts';
import type { Job, JobResult } from './job.ts';

export const databaseUpkeep = {
  name: 'database-upkeep' as const,
  title: '数据库维护',
  onlyOn: 'pglite',
  async run(deps): Promise<JobResult> {
    const done = await upkeepOnPglite(deps.db);
    if (!done.analyzed) return { skipped: '由数据库服务器自动维护' };
    return { ginPagesMerged: done.ginPagesMerged };
  },
} satisfies Job;
