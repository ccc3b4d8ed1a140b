/**
 * The schedule run in this process, for PGlite: one process owns a PGlite data directory, so there is no
 * second instance to agree with. Each job waits for its next occurrence (./schedule.ts), runs, and only
 * then waits for the one after, so two runs of a job never overlap; a run that fails is logged and the
 * job waits for its next occurrence.
 */
import type { Job, JobDeps, JobLog } from './job.ts';
import { runJob } from './run.ts';
import { nextRun, type Schedule } from './schedule.ts';

/** How the wait is made; tests pass their own. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// setTimeout keeps 32 bits of milliseconds (24.8 days): a longer wait is made in steps.
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Starts a timer for every scheduled job of `jobs`; the returned function stops them and waits for a run
 * in progress to end.
 */
export function startTimers(
  deps: JobDeps,
  jobs: readonly Job[],
  schedule: Schedule,
  log: JobLog,
  timers: Timers = realTimers,
): () => Promise<void> {
  let stopped = false;
  const handles = new Map<string, unknown>();
  const running = new Set<Promise<unknown>>();

  // `after`: the occurrence just run, so a timer that fired a little early cannot run it twice.
  const arm = (job: Job, after = 0) => {
    const entry = schedule[job.name];
    if (!entry || stopped) return;
    const at = nextRun(entry, new Date(Math.max(after, deps.clock.now().getTime()))).getTime();
    const wait = () => {
      const ms = at - deps.clock.now().getTime();
      if (ms > MAX_WAIT_MS) {
        handles.set(job.name, timers.set(wait, MAX_WAIT_MS));
        return;
      }
      handles.set(
        job.name,
        timers.set(() => fire(job, at), Math.max(0, ms)),
      );
    };
    wait();
  };

  const fire = (job: Job, at: number) => {
    handles.delete(job.name);
    if (stopped) return;
    const run = runJob(deps, job, log)
      .catch(() => {}) // logged and audited by runJob
      .finally(() => {
        running.delete(run);
        arm(job, at);
      });
    running.add(run);
  };

  for (const job of jobs) arm(job);
  return async () => {
    stopped = true;
    for (const handle of handles.values()) timers.clear(handle);
    handles.clear();
    await Promise.all(running);
  };
}
