/**
 * Published reports imported from files (`gongkai import`, bench/import.bench.ts): read in worker threads
 * (src/extract/batch.ts, `jobs` at once), stored by `importReports` in batches of BATCH_SIZE, one batch
 * stored while the next is read; a second full batch waits for it, so memory stays flat whatever the
 * number of files. A file that cannot be read is in the summary; the others are stored.
 */
import type { Db } from '../../db/client.ts';
import { type BatchSummary, runBatch } from '../../extract/batch.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { importReports } from './import-reports.ts';

/** Reports stored per transaction: a failed batch leaves nothing of itself half-stored. */
export const BATCH_SIZE = 500;

export async function importFiles(
  deps: { db: Db; now: () => Date },
  input: { paths: Iterable<string>; jobs: number; actorId?: number | null; onProgress?: (done: number) => void },
): Promise<{ summary: BatchSummary; stored: number }> {
  let pending: ExtractionOutput[] = [];
  let stored = 0;
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = pending;
    pending = [];
    await storing;
    if (batch.length === 0) return;
    storing = importReports({ db: deps.db, now: deps.now() }, { actorId: input.actorId ?? null, outputs: batch }).then(
      (ids) => {
        stored += ids.length;
      },
    );
    storing.catch(() => undefined); // awaited by the next flush or at the end, which report the failure
  };
  const summary = await runBatch(
    input.paths,
    (out) => {
      pending.push(out);
      if (pending.length >= BATCH_SIZE) return flush();
    },
    input.onProgress,
    { jobs: input.jobs },
  );
  await flush();
  await storing;
  return { summary, stored };
}
