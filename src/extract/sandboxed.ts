/**
 * A document read in the sandbox (src/sandbox/run.ts): a regular file within MAX_BYTES, its zip checked, then
 * decoded and read in a worker under a time and memory budget. Whatever stops it (a zip bomb, an XML entity
 * bomb, a FIFO, a file too large, a read past the budget) is an UnreadableError with the reason, so a batch
 * reports the file and goes on.
 */
import { type Budget, type Progress, Sandbox, SandboxFailure } from '../sandbox/run.ts';
import { MAX_BYTES } from './decode/document.ts';
import { type ExtractionOutput, UnreadableError } from './pipeline.ts';

const PIPELINE = new URL('./pipeline.ts', import.meta.url);

export function extractSandbox(budget?: Budget): Sandbox {
  return new Sandbox(budget);
}

export async function extractBufferSandboxed(
  sandbox: Sandbox,
  bytes: Uint8Array,
  source: string,
  onPage?: Progress,
): Promise<ExtractionOutput> {
  try {
    return await sandbox.run<ExtractionOutput>(PIPELINE, 'extractBuffer', [bytes, source], {
      zip: true,
      // Always asked for: each page of a scan restarts the time budget.
      onProgress: onPage ?? (() => undefined),
    });
  } catch (error) {
    if (error instanceof SandboxFailure) throw new UnreadableError(error.message);
    throw error;
  }
}

/** The file read in the worker itself (a regular file within MAX_BYTES), then as extractBufferSandboxed reads. */
export async function extractFileSandboxed(
  sandbox: Sandbox,
  path: string,
  onPage?: Progress,
): Promise<ExtractionOutput> {
  try {
    return await sandbox.run<ExtractionOutput>(PIPELINE, 'extractBuffer', [path, path], {
      zip: true,
      file: { maxBytes: MAX_BYTES },
      onProgress: onPage ?? (() => undefined),
    });
  } catch (error) {
    if (error instanceof SandboxFailure) throw new UnreadableError(error.message);
    throw error;
  }
}
