/**
 * Documents read under a budget outside the serving process (issue #19: one hostile DOCX ran the extractor to
 * 4.6 GB and a crash; as a catalog attachment it froze every request for a minute and killed the server).
 * A Sandbox keeps one worker thread with a heap limit (resourceLimits) and runs jobs in it one at a time, each
 * with a time limit: past it, or past the memory, the worker is ended and the job fails with the reason; the
 * next job gets a new worker. A zip (DOCX, XLSX) is checked before it is inflated (./zip-check.ts).
 *
 * @example
 * const sandbox = new Sandbox({ timeoutMs: 5000, memoryMb: 256 });
 * const out = await sandbox.run(new URL('../extract/pipeline.ts', import.meta.url), 'extractBuffer', [bytes, name]);
 * await sandbox.close();
 */
import { Worker } from 'node:worker_threads';
import type { Job } from './worker.ts';
import { checkZipDeclared, isZip, ZipRefused } from './zip-check.ts';

export interface Budget {
  /** Time for one job, in milliseconds. */
  timeoutMs: number;
  /** The worker's heap (V8 old generation), in MB. */
  memoryMb: number;
}

/** Enough for a long real report (a 200-page PDF); hostile files are refused by their checks long before. */
export const DEFAULT_BUDGET: Budget = { timeoutMs: 20_000, memoryMb: 512 };

/** Told of a job's progress: pages done of total (OCR). */
export type Progress = (done: number, total: number) => void;

export interface RunOptions {
  /** Check args[0] as a zip (declared sizes, then each entry) before `fn` reads it. */
  zip?: boolean;
  onProgress?: Progress;
  /**
   * args[0] is a path: the worker reads it as a regular file of at most `maxBytes` (regular-file.ts) and
   * passes its bytes on. A batch's files are read in the workers, beside their reading, not by the thread
   * dispatching them, and are not copied from one thread to the other.
   */
  file?: { maxBytes: number };
}

/** Errors of the worker's own checks: the file refused before it was read. */
const REFUSALS = new Set(['ZipRefused', 'FileRefused']);

/** A job that did not finish: what happened, in words for the user. */
export class SandboxFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'memory' | 'refused' | 'failed',
    message: string,
    /** The error's name inside the worker (e.g. UnreadableError), when the job itself threw. */
    readonly errorName?: string,
  ) {
    super(message);
    this.name = 'SandboxFailure';
  }
}

/** Loads TypeScript in the worker as tsx does in the process (our modules are .ts). */
const BOOT = (worker: string) =>
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;

export class Sandbox {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  constructor(readonly budget: Budget = DEFAULT_BUDGET) {}

  /**
   * `fn` of `module` called with `args` in the worker; args[0] is checked as a zip first when `zip`. With
   * `onProgress`, `fn` is given `{ onPage }` as a last argument and each of its calls reaches `onProgress` and
   * gives the job its time budget again (a scan's pages each take seconds).
   */
  run<T>(module: URL, fn: string, args: unknown[], opts: RunOptions = {}): Promise<T> {
    const next = this.queue.then(() => this.runNow<T>(module, fn, args, opts));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private spawn(): Worker {
    const worker = new Worker(BOOT(new URL('./worker.ts', import.meta.url).href), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    return worker;
  }

  private runNow<T>(module: URL, fn: string, args: unknown[], opts: RunOptions): Promise<T> {
    const { onProgress, file } = opts;
    const zip = opts.zip ?? false;
    const bytes = args[0];
    if (zip && bytes instanceof Uint8Array && isZip(bytes)) {
      try {
        checkZipDeclared(bytes);
      } catch (error) {
        if (error instanceof ZipRefused) return Promise.reject(new SandboxFailure('refused', error.message));
        throw error;
      }
    }
    this.worker ??= this.spawn();
    const worker = this.worker;
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const kill = (failure: SandboxFailure) => {
        done();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        reject(failure);
      };
      const timer = setTimeout(
        () => kill(new SandboxFailure('timeout', `读取超过 ${this.budget.timeoutMs / 1000} 秒，已停止`)),
        this.budget.timeoutMs,
      );
      const onMessage = (m: {
        id: number;
        ok: boolean;
        value?: T;
        name?: string;
        message?: string;
        progress?: [number, number];
      }) => {
        if (m.id !== id) return;
        if (m.progress) {
          // A job that moves on (a page of a scan read) gets its time again: the budget is per step.
          timer.refresh();
          onProgress?.(...m.progress);
          return;
        }
        done();
        if (m.ok) resolve(m.value as T);
        else reject(new SandboxFailure(REFUSALS.has(m.name ?? '') ? 'refused' : 'failed', m.message ?? '', m.name));
      };
      const onError = (error: Error & { code?: string }) =>
        kill(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new SandboxFailure('memory', `读取所需内存超过 ${this.budget.memoryMb} MB，已停止`)
            : new SandboxFailure('failed', `读取时出错：${error.message}`),
        );
      const onExit = () => kill(new SandboxFailure('failed', '读取进程意外退出'));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const job: Job = {
        id,
        module: module.href,
        fn,
        args,
        zip,
        progress: Boolean(onProgress),
        ...(file ? { file } : {}),
      };
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
