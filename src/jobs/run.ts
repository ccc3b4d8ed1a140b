/**
 * One run of a job, whoever started it (pg-boss or the in-process timer): the work, then a `job.ran` audit
 * event with what it did (counts, milliseconds) and a log line; a failure is logged and audited as
 * `job.failed` with its message, then thrown on (pg-boss retries it).
 */
import { recordAudit } from '../db/audit.ts';
import type { Job, JobDeps, JobLog, JobResult } from './job.ts';

export async function runJob(deps: JobDeps, job: Job, log: JobLog): Promise<JobResult> {
  const started = performance.now();
  const at = deps.clock.now();
  try {
    const result = await job.run(deps);
    const ms = Math.round(performance.now() - started);
    await audit(deps, job, 'job.ran', { ...result, ms }, at);
    log.info({ job: job.name, ...result, ms }, `${job.title}：完成`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ job: job.name, err: error }, `${job.title}：失败`);
    // The database may be what failed: the log line above is then the only record.
    await audit(deps, job, 'job.failed', { error: message }, at).catch(() => {});
    throw error;
  }
}

function audit(deps: JobDeps, job: Job, action: string, data: Record<string, unknown>, at: Date) {
  return deps.db.transaction((tx) =>
    recordAudit(tx, { at, actorId: null, action, entityType: 'job', entityId: job.name, data }),
  );
}
