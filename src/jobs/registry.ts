/** Every scheduled job. A job is added here and given a line in ./schedule.ts. */
import { databaseUpkeep } from './database-upkeep.ts';
import type { Job } from './job.ts';
import { reminderSweep } from './reminder-sweep.ts';
import { sessionPurge } from './session-purge.ts';
import { standardsSelfCheck } from './standards-self-check.ts';

export const JOBS = [reminderSweep, sessionPurge, standardsSelfCheck, databaseUpkeep] as const satisfies readonly Job[];

export type JobName = (typeof JOBS)[number]['name'];
