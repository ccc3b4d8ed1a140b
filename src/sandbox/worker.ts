/**
 * The sandbox worker (src/sandbox/run.ts): runs one job at a time, a function of one of our modules on the
 * bytes it was sent, under the thread's memory limit; a zip is checked entry by entry first.
 */
import { parentPort } from 'node:worker_threads';
import { readRegularFileSync } from './regular-file.ts';
import { checkZipInflated, isZip } from './zip-check.ts';

export interface Job {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
  /** Check args[0] (bytes) as a zip before the function reads it. */
  zip: boolean;
  /** Pass `{ onPage }` as a last argument; each call is posted to the caller as progress (OCR pages). */
  progress?: boolean;
  /** Options given as the last argument (structured-cloneable); `onPage` joins them. */
  options?: Record<string, unknown>;
  /** args[0] is a path to read here, a regular file of at most maxBytes (run.ts, RunOptions.file). */
  file?: { maxBytes: number };
}

type Module = Record<string, (...a: unknown[]) => unknown>;
/**
 * Modules imported once per worker: an `import()` goes through the TypeScript loader's hooks (another
 * thread) even for a module already loaded, a round trip per job that cost a batch of small files a third of its time.
 */
const modules = new Map<string, Promise<Module>>();

/** Jobs run one at a time, in the order posted (the caller posts the next before this one ends). */
let running: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: Job) => {
  running = running.then(() => runJob(job));
});

async function runJob(job: Job): Promise<void> {
  try {
    if (job.file) job.args[0] = readRegularFileSync(String(job.args[0]), job.file.maxBytes);
    const bytes = job.args[0];
    // Declared sizes first, then each entry inflated; the DOCX reader takes the parts checked (zip-check.ts).
    if (job.zip && bytes instanceof Uint8Array && isZip(bytes)) checkZipInflated(bytes);
    let loading = modules.get(job.module);
    if (!loading) {
      loading = import(job.module) as Promise<Module>;
      modules.set(job.module, loading);
      loading.catch(() => modules.delete(job.module));
    }
    const mod = await loading;
    const onPage = (done: number, total: number) => parentPort?.postMessage({ id: job.id, progress: [done, total] });
    const last = job.progress || job.options ? [{ ...job.options, ...(job.progress ? { onPage } : {}) }] : [];
    const value = await mod[job.fn](...job.args, ...last);
    parentPort?.postMessage({ id: job.id, ok: true, value });
  } catch (error) {
    const e = error as Error;
    parentPort?.postMessage({ id: job.id, ok: false, name: e?.name ?? 'Error', message: String(e?.message ?? e) });
  }
}
