import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A batch extraction spread over worker processes (issue #18, src/batch/): the batch as submitted, its files
 * split into queue jobs (pg-boss) that any number of `gongkai worker` processes take, and one result per file.
 */
export const extractionBatches = pgTable('extraction_batches', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Files in the batch. */
  files: integer('files').notNull(),
  /** Queue jobs it was split into. */
  chunks: integer('chunks').notNull(),
});

export const extractionResults = pgTable(
  'extraction_results',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => extractionBatches.id, { onDelete: 'cascade' }),
    /** The file as submitted (a path every worker reaches: a shared directory). */
    source: text('source').notNull(),
    /** 'read' or 'unreadable'. */
    status: text('status').notNull(),
    /** The extraction output (src/extract/pipeline.ts ExtractionOutput) when read. */
    output: jsonb('output'),
    /** Why it could not be read. */
    reason: text('reason'),
    /** Which worker read it (host:pid). */
    worker: text('worker').notNull(),
    ms: bigint('ms', { mode: 'number' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
  },
  // One result per file: a chunk retried after a worker died writes nothing twice.
  (t) => [primaryKey({ columns: [t.batchId, t.source] }), index('extraction_results_done').on(t.batchId, t.doneAt)],
);
