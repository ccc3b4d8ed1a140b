/**
 * A batch extraction submitted: the batch recorded, its files split into chunks, one queue job per chunk
 * (./queue.ts). Workers store a result per file (./extract-chunk.ts); `batchProgress` counts them.
 */
import type { PgBoss } from 'pg-boss';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { extractionBatches } from '../db/schema/batches.ts';
import { AppError } from '../errors.ts';
import { type ChunkJob, DEFAULT_CHUNK_FILES, EXTRACT_QUEUE } from './queue.ts';

export async function submitExtraction(
  deps: { db: Db; clock: Clock; boss: PgBoss },
  input: { sources: string[]; chunkFiles?: number },
): Promise<{ batchId: number; chunks: number }> {
  const size = input.chunkFiles ?? DEFAULT_CHUNK_FILES;
  if (!Number.isInteger(size) || size < 1) throw new AppError('bad_input', '每个任务的文件数应为正整数');
  if (input.sources.length === 0) throw new AppError('bad_input', '没有找到可读取的文件');
  const chunks: ChunkJob[] = [];
  const [batch] = await deps.db
    .insert(extractionBatches)
    .values({
      createdAt: deps.clock.now(),
      files: input.sources.length,
      chunks: Math.ceil(input.sources.length / size),
    })
    .returning({ id: extractionBatches.id });
  for (let i = 0; i < input.sources.length; i += size) {
    chunks.push({ batchId: batch.id, sources: input.sources.slice(i, i + size) });
  }
  await deps.boss.insert(
    EXTRACT_QUEUE,
    chunks.map((data) => ({ data })),
  );
  return { batchId: batch.id, chunks: chunks.length };
}
