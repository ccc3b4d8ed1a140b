/**
 * A document read in the sandbox (src/sandbox/run.ts): a regular file within MAX_BYTES, its zip checked, then
 * decoded and read in a worker under a time and memory budget. Whatever stops it (a zip bomb, an XML entity
 * bomb, a FIFO, a file too large, a read past the budget) is an UnreadableError with the reason, so a batch
 * reports the file and goes on.
 */
import { type Budget, type Progress, type RunOptions, Sandbox, SandboxFailure } from '../sandbox/run.ts';
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

/** The run's options: the zip check, page progress (each page of a scan restarts the time budget), neighbours. */
function runOptions(onPage: Progress | undefined, neighbours: YearsEitherSide): RunOptions {
  const options = {
    ...(neighbours.previous ? { previous: lendable(neighbours.previous) } : {}),
    ...(neighbours.following ? { following: lendable(neighbours.following) } : {}),
  };
  return {
    zip: true,
    ...(Object.keys(options).length > 0 ? { options } : {}),
    onProgress: onPage ?? (() => undefined),
  };
}

export function extractSandbox(budget?: Budget): Sandbox {
  return new Sandbox(budget);
}

async function extractIn(sandbox: Sandbox, args: unknown[], opts: RunOptions): Promise<ExtractionOutput> {
  try {
    return await sandbox.run<ExtractionOutput>(PIPELINE, 'extractBuffer', args, opts);
  } catch (error) {
    if (error instanceof SandboxFailure) throw new UnreadableError(error.message);
    throw error;
  }
}

export function extractBufferSandboxed(
  sandbox: Sandbox,
  bytes: Uint8Array,
  source: string,
  onPage?: Progress,
  neighbours: YearsEitherSide = {},
): Promise<ExtractionOutput> {
  return extractIn(sandbox, [bytes, source], runOptions(onPage, neighbours));
}

/** The file read in the worker itself (a regular file within MAX_BYTES), then as extractBufferSandboxed reads. */
export function extractFileSandboxed(
  sandbox: Sandbox,
  path: string,
  onPage?: Progress,
  neighbours: YearsEitherSide = {},
): Promise<ExtractionOutput> {
  return extractIn(sandbox, [path, path], { ...runOptions(onPage, neighbours), file: { maxBytes: MAX_BYTES } });
}
