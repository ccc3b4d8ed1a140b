/**
 * The queue of batch extractions (issue #18): one pg-boss queue in the same PostgreSQL database as the
 * scheduled jobs (src/jobs/queue.ts). A batch is split into chunks of files, one queue job each; any number of
 * `gongkai worker` processes, on any machines that reach the files and the database, take them. pg-boss gives
 * each job to one worker at a time; a worker that dies leaves its job to expire and be retried by another.
 */
import { PgBoss } from 'pg-boss';

export const EXTRACT_QUEUE = 'extract-batch';
/** Files per queue job: small enough to spread a batch evenly, large enough that the queue is no cost. */
export const DEFAULT_CHUNK_FILES = 20;
/** A chunk not done in this long is taken to be lost (its worker died) and given to another. */
const CHUNK_EXPIRE_SECONDS = 15 * 60;

export interface ChunkJob {
  batchId: number;
  sources: string[];
}

/** A started pg-boss on `url` with the extraction queue created. */
export async function openExtractionQueue(url: string, onError: (error: unknown) => void): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 2, application_name: 'gongkai-worker' });
  boss.on('error', onError);
  await boss.start();
  await boss.createQueue(EXTRACT_QUEUE, { retryLimit: 3, retryDelay: 5, expireInSeconds: CHUNK_EXPIRE_SECONDS });
  return boss;
}
