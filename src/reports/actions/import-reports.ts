/**
 * Imports published reports of any body: each extraction output stored with its provenance and its
 * in-year findings, in batches (one transaction per batch, so a failed batch leaves nothing half-stored).
 * Bodies are matched across years by `bodyKey`, whatever way their names are written.
 */
import { recordAudit } from '../../db/audit.ts';
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
    const inserted = await tx.insert(annualReports).values(rows).returning({ id: annualReports.id });
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: 'report.imported',
      entityType: 'annual_report',
      entityId: `${inserted[0].id}-${inserted.at(-1)!.id}`,
      data: { count: inserted.length },
    });
    return inserted.map((r) => r.id);
  });
}
