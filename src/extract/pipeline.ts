/**
 * One published document → the extraction JSON of the contract (annual-report.md, "Extraction output"):
 * decode, repair, read, then the report core's rule check with the narrative's statements.
 */
import { readFileSync } from 'node:fs';
import { check } from '../report/check.ts';
import type { CellValue, Finding, Provenance, TemplateId } from '../report/model.ts';
import { documentText, UnreadableError } from './decode/document.ts';
import { readReport } from './read/index.ts';
import { toLines } from './repair/index.ts';

export { UnreadableError };

export interface ExtractionOutput {
  source: string;
  format: TemplateId;
  hasTable: boolean;
  year: number | null;
  issuer: string | null;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  findings: Finding[];
  warnings: string[];
}

/** Text that is not a report at all: no year, no table, no figure. */
function notAReport(result: ReturnType<typeof readReport>): boolean {
  return result.year === null && !result.hasTable && Object.keys(result.values).length === 0;
}

export async function extractBuffer(bytes: Uint8Array, source: string): Promise<ExtractionOutput> {
  const doc = await documentText(bytes, source);
  const result = readReport(toLines(doc.text));
  if (notAReport(result)) throw new UnreadableError('no annual report found (no year, no table, no figures)');
  const findings = check(
    { format: result.format, year: result.year ?? 0, issuer: result.issuer ?? '', values: result.values },
    { statements: result.statements },
  );
  return {
    source,
    format: result.format,
    hasTable: result.hasTable,
    year: result.year,
    issuer: result.issuer,
    values: result.values,
    provenance: result.provenance,
    findings,
    warnings: result.warnings,
  };
}

export async function extractFile(path: string): Promise<ExtractionOutput> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path); // small files, read one at a time: sync is faster and the batch is sequential
  } catch (error) {
    throw new UnreadableError(`cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return extractBuffer(bytes, path);
}
