/**
 * Imports published reports of any body: each extraction output stored with its provenance and its
 * in-year findings, in batches (one transaction per batch, so a failed batch leaves nothing half-stored).
 * The rows are written in multi-row inserts of at most ROWS_PER_INSERT, and each stored report gets its
 * audit event (report.imported), written in bulk in the same transaction.
 * Bodies are matched across years by `bodyKey`, whatever way their names are written.
 */
import { basename } from 'node:path';
import { recordAudits } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/reports.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { bodyKey } from '../body-key.ts';

export async function importReports(
  deps: { db: Db; now: Date },
  input: { actorId: number | null; outputs: ExtractionOutput[] },
) {
  const rows = input.outputs
    .filter((o) => o.year !== null)
    .map((o) => ({
      origin: 'imported' as const,
      issuer: o.issuer ?? '（未识别机关）',
      bodyKey: bodyKey(o.issuer ?? o.source),
      year: o.year!,
      format: o.format,
      hasTable: o.hasTable,
      values: o.values,
      provenance: o.provenance,
      findings: o.findings,
      errorCount: o.findings.filter((f) => f.severity === 'error').length,
      warnings: o.warnings,
      status: 'published' as const,
      source: o.source,
      createdAt: deps.now,
      updatedAt: deps.now,
    }));
  if (rows.length === 0) return [];
  return deps.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const inserted = await tx.insert(annualReports).values(chunk).returning({ id: annualReports.id });
      ids.push(...inserted.map((r) => r.id));
    }
    await recordAudits(
      tx,
      rows.map((row, i) => ({
        at: deps.now,
        actorId: input.actorId,
        action: 'report.imported',
        entityType: 'annual_report',
        entityId: ids[i],
        // The file's name, never where the server keeps it.
        data: { year: row.year, format: row.format, issuer: row.issuer, file: basename(row.source) },
      })),
    );
    return ids;
  });
}

/** Rows per INSERT: 500 rows of 15 columns stay far below PostgreSQL's 65,535 bound parameters. */
export const ROWS_PER_INSERT = 500;
