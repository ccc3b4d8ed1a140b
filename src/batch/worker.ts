/**
 * A worker process's loop: takes chunks of batch extractions from the queue (./queue.ts), `concurrency` at a
 * time (each in its own sandbox thread), until stopped. Returns the stop, which lets chunks in hand finish.
 */
import { hostname } from 'node:os';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { JobLog } from '../jobs/job.ts';
import { extractChunk } from './extract-chunk.ts';
import { type ChunkJob, EXTRACT_QUEUE, openExtractionQueue } from './queue.ts';

export async function startWorker(deps: {
  db: Db;
  clock: Clock;
  url: string;
  log: JobLog;
  concurrency?: number;
  pollingIntervalSeconds?: number;
}): Promise<() => Promise<void>> {
  const worker = `${hostname()}:${process.pid}`;
  const boss = await openExtractionQueue(deps.url, (error) => deps.log.error({ err: error }, 'pg-boss'));
  await boss.work<ChunkJob>(
    EXTRACT_QUEUE,
    {
      batchSize: 1,
      localConcurrency: deps.concurrency ?? 1,
      pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 1,
    },
    async ([job]) => {
      const counts = await extractChunk({ db: deps.db, clock: deps.clock, worker }, job.data);
      deps.log.info({ batch: job.data.batchId, worker, sources: job.data.sources, ...counts }, '批量抽取：完成一组');
    },
  );
  deps.log.info({ worker, queue: EXTRACT_QUEUE }, 'worker listening');
  return () => boss.stop({ graceful: true, timeout: 60_000 });
}
