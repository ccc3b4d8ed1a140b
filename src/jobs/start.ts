/**
 * The scheduled jobs of a running server: pg-boss on PostgreSQL (./queue.ts), a timer in this process on
 * PGlite (./timer.ts), the same jobs (./registry.ts) on the same schedule (./schedule.ts) either way.
 *
 * @example
 * const stopJobs = await startJobs({ db, clock: systemClock, driver, databaseUrl: config.databaseUrl, log });
 * // on shutdown
 * await stopJobs();
 */
import type { Driver } from '../db/client.ts';
import type { Job, JobDeps, JobLog } from './job.ts';
import { type QueueTuning, startQueue } from './queue.ts';
import { JOBS } from './registry.ts';
import { SCHEDULE, type Schedule } from './schedule.ts';
import { startTimers, type Timers } from './timer.ts';

export interface StartJobsDeps extends JobDeps {
  driver: Driver;
  /** The PostgreSQL server (DATABASE_URL); pg-boss opens its own connections to it. */
  databaseUrl?: string;
  log: JobLog;
  /** Default SCHEDULE. */
  schedule?: Schedule;
  /** Default JOBS. */
  jobs?: readonly Job[];
  /** On PostgreSQL: pg-boss's intervals (tests). */
  tuning?: QueueTuning;
  /** On PGlite: how the timer waits (tests). */
  timers?: Timers;
}

/** Starts the jobs; resolves to a function that stops them (waiting for a run in progress). */
export async function startJobs(deps: StartJobsDeps): Promise<() => Promise<void>> {
  const jobs = (deps.jobs ?? (JOBS as readonly Job[])).filter((job) => !job.onlyOn || job.onlyOn === deps.driver);
  const schedule = deps.schedule ?? SCHEDULE;
  const work = { db: deps.db, clock: deps.clock };
  if (deps.driver === 'postgres') {
    if (!deps.databaseUrl) throw new Error('startJobs: PostgreSQL needs databaseUrl for pg-boss');
    return startQueue(work, { url: deps.databaseUrl, jobs, schedule, log: deps.log, tuning: deps.tuning });
  }
  return startTimers(work, jobs, schedule, deps.log, deps.timers);
}

/**
 * For `gongkai serve`: starts the jobs once `server` listens and returns the stop for shutdown, which also
 * waits for a start still under way (and starts nothing if the server never listened). Jobs that fail to
 * start are logged; the site goes on serving.
 */
export function startJobsWhenListening(
  server: { once(event: 'listening', listener: () => void): unknown },
  deps: StartJobsDeps,
): () => Promise<void> {
  let stopped = false;
  let started: Promise<() => Promise<void>> | undefined;
  server.once('listening', () => {
    if (stopped) return;
    started = startJobs(deps).catch((error: unknown) => {
      deps.log.error({ err: error }, '定时任务未能启动');
      return async () => {};
    });
  });
  return async () => {
    stopped = true;
    if (started) await (await started)();
  };
}
