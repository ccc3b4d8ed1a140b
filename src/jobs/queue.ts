/**
 * The schedule on PostgreSQL, through pg-boss (its own tables in the `pgboss` schema of the same database).
 * Every server instance starts this: each writes the same schedule rows, each polls; pg-boss claims the
 * cron pass for one instance at a time and files each occurrence under one singleton key, so a scheduled
 * job runs once per occurrence however many instances there are. A job's queue has the `singleton` policy
 * (never two runs of one job at once), and a failed run is retried twice, a minute apart.
 */
import { type ConstructorOptions, PgBoss } from 'pg-boss';
import type { Job, JobDeps, JobLog } from './job.ts';
import { runJob } from './run.ts';
import type { Schedule } from './schedule.ts';

/** pg-boss's intervals, for tests that cannot wait out the defaults (cron pass every 30 s). */
export type QueueTuning = Pick<
  ConstructorOptions,
  'cronMonitorIntervalSeconds' | 'cronWorkerIntervalSeconds' | 'clockMonitorIntervalSeconds'
> & { pollingIntervalSeconds?: number };

export async function startQueue(
  deps: JobDeps,
  opts: { url: string; jobs: readonly Job[]; schedule: Schedule; log: JobLog; tuning?: QueueTuning },
): Promise<() => Promise<void>> {
  const { pollingIntervalSeconds, ...tuning } = opts.tuning ?? {};
  const boss = new PgBoss({ connectionString: opts.url, max: 4, application_name: 'gongkai-jobs', ...tuning });
  boss.on('error', (error) => opts.log.error({ err: error }, 'pg-boss'));
  await boss.start();
  try {
    for (const job of opts.jobs) {
      await boss.createQueue(job.name, { policy: 'singleton', retryLimit: 2, retryDelay: 60 });
      const entry = opts.schedule[job.name];
      if (entry) await boss.schedule(job.name, entry.cron, null, { tz: entry.tz });
      else await boss.unschedule(job.name);
      // pg-boss refuses the key with no value: the default (2 s) only when the option is absent.
      await boss.work(job.name, pollingIntervalSeconds ? { pollingIntervalSeconds } : {}, async () => {
        await runJob(deps, job, opts.log);
      });
    }
    // A job that is no longer ours (renamed, removed) keeps no schedule nobody works.
    const names = new Set(opts.jobs.map((job) => job.name));
    for (const row of await boss.getSchedules()) {
      if (!names.has(row.name)) await boss.unschedule(row.name, row.key);
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return () => boss.stop({ graceful: true, timeout: 30_000 });
}
