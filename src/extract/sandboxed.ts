/**
 * A document read in the sandbox (src/sandbox/run.ts): a regular file within MAX_BYTES, its zip checked, then
 * decoded and read in a worker under a time and memory budget. Whatever stops it (a zip bomb, an XML entity
 * bomb, a FIFO, a file too large, a read past the budget) is an UnreadableError with the reason, so a batch
 * reports the file and goes on.
 */
import { FileRefused, readRegularFile } from '../sandbox/regular-file.ts';
import { type Budget, type Progress, Sandbox, SandboxFailure } from '../sandbox/run.ts';
import { MAX_BYTES } from './decode/document.ts';
import { type ExtractionOutput, UnreadableError } from './pipeline.ts';
import type { PreviousReport } from './read/index.ts';

const PIPELINE = new URL('./pipeline.ts', import.meta.url);

/** The same body's reports of the years either side (pipeline.ts ExtractOptions). */
export interface YearsEitherSide {
  previous?: PreviousReport;
  following?: PreviousReport;
}

/** Only what a neighbour lends is sent to the worker, not its whole extraction. */
function lendable(report: PreviousReport): PreviousReport {
  const { year, issuer, variant, variantFigures, variantCandidates, values, sectionTwoCandidates } = report;
  return { year, issuer, variant, variantFigures, variantCandidates, values, sectionTwoCandidates };
}

export function extractSandbox(budget?: Budget): Sandbox {
  return new Sandbox(budget);
}

export async function extractBufferSandboxed(
  sandbox: Sandbox,
  bytes: Uint8Array,
  source: string,
  onPage?: Progress,
  neighbours: YearsEitherSide = {},
): Promise<ExtractionOutput> {
  const options = {
    ...(neighbours.previous ? { previous: lendable(neighbours.previous) } : {}),
    ...(neighbours.following ? { following: lendable(neighbours.following) } : {}),
  };
  try {
    return await sandbox.run<ExtractionOutput>(PIPELINE, 'extractBuffer', [bytes, source], {
      zip: true,
      ...(Object.keys(options).length > 0 ? { options } : {}),
      // Always asked for: each page of a scan restarts the time budget.
      onProgress: onPage ?? (() => undefined),
    });
  } catch (error) {
    if (error instanceof SandboxFailure) throw new UnreadableError(error.message);
    throw error;
  }
}

export async function extractFileSandboxed(
  sandbox: Sandbox,
  path: string,
  onPage?: Progress,
  neighbours: YearsEitherSide = {},
): Promise<ExtractionOutput> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, MAX_BYTES);
  } catch (error) {
    if (error instanceof FileRefused) throw new UnreadableError(error.message);
    throw error;
  }
  return extractBufferSandboxed(sandbox, bytes, path, onPage, neighbours);
}
