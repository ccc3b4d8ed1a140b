/** How far a batch extraction has come: files done, read, unreadable, and by which workers. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { extractionBatches, extractionResults } from '../db/schema/batches.ts';
import { AppError } from '../errors.ts';

export interface BatchProgress {
  batchId: number;
  files: number;
  done: number;
  read: number;
  unreadable: number;
  /** Files done per worker (host:pid). */
  byWorker: Record<string, number>;
}

export async function batchProgress(db: Db, batchId: number): Promise<BatchProgress> {
  const [batch] = await db.select().from(extractionBatches).where(eq(extractionBatches.id, batchId));
  if (!batch) throw new AppError('not_found', `没有这个批次：${batchId}`);
  const rows = await db
    .select({ worker: extractionResults.worker, status: extractionResults.status, n: sql<number>`count(*)::int` })
    .from(extractionResults)
    .where(eq(extractionResults.batchId, batchId))
    .groupBy(extractionResults.worker, extractionResults.status);
  const progress: BatchProgress = { batchId, files: batch.files, done: 0, read: 0, unreadable: 0, byWorker: {} };
  for (const row of rows) {
    progress.done += row.n;
    if (row.status === 'read') progress.read += row.n;
    else progress.unreadable += row.n;
    progress.byWorker[row.worker] = (progress.byWorker[row.worker] ?? 0) + row.n;
  }
  return progress;
}
