/**
 * One queue job of a batch extraction: each file of the chunk read in the sandbox (src/extract/sandboxed.ts)
 * and its result stored at once, one row per file (read, or unreadable with the reason). A chunk given again
 * after a worker died skips the files already stored, and a row already there is never written twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { extractionResults } from '../db/schema/batches.ts';
import { UnreadableError } from '../extract/pipeline.ts';
import { extractFileSandboxed, extractSandbox } from '../extract/sandboxed.ts';
import type { ChunkJob } from './queue.ts';

export async function extractChunk(
  deps: { db: Db; clock: Clock; worker: string },
  job: ChunkJob,
): Promise<{ read: number; unreadable: number; skipped: number }> {
  const done = await deps.db
    .select({ source: extractionResults.source })
    .from(extractionResults)
    .where(and(eq(extractionResults.batchId, job.batchId), inArray(extractionResults.source, job.sources)));
  const skip = new Set(done.map((row) => row.source));
  const counts = { read: 0, unreadable: 0, skipped: skip.size };
  const sandbox = extractSandbox();
  try {
    for (const source of job.sources) {
      if (skip.has(source)) continue;
      const started = performance.now();
      let row: { status: string; output: unknown; reason: string | null };
      try {
        row = { status: 'read', output: await extractFileSandboxed(sandbox, source), reason: null };
        counts.read++;
      } catch (error) {
        const reason =
          error instanceof UnreadableError ? error.message : `内部错误 (internal error: ${(error as Error)?.message})`;
        row = { status: 'unreadable', output: null, reason: reason.split('\n')[0] };
        counts.unreadable++;
      }
      await deps.db
        .insert(extractionResults)
        .values({
          batchId: job.batchId,
          source,
          ...row,
          worker: deps.worker,
          ms: Math.round(performance.now() - started),
          doneAt: deps.clock.now(),
        })
        .onConflictDoNothing();
    }
  } finally {
    await sandbox.close();
  }
  return counts;
}
