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
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../ts-worker.ts';
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
  /** Given to `fn` as its last argument (structured-cloneable), `onPage` added to them with `onProgress`. */
  options?: Record<string, unknown>;
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

/** A job handed to the sandbox, until it settles. */
interface Flight {
  job: Job;
  onProgress?: Progress;
  resolve(value: unknown): void;
  reject(failure: SandboxFailure): void;
}

type Reply = { id: number; ok: boolean; value?: unknown; name?: string; message?: string; progress?: [number, number] };

/**
 * Jobs posted to the worker at once: the next is waiting in the worker when one ends, so the worker does
 * not wait for this thread to take the result and post the next (with two workers and this thread on two
 * busy cores, that wait was a worker idle a tenth of its time). The worker still runs them one at a time.
 */
const IN_FLIGHT = 2;

export class Sandbox {
  private worker: Worker | undefined;
  /** Posted to the worker, in order; the first is running, under the timer. */
  private flying: Flight[] = [];
  /** Not yet posted. */
  private waiting: Flight[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  constructor(readonly budget: Budget = DEFAULT_BUDGET) {}

  /** Jobs handed to this sandbox and not yet settled. */
  get pending(): number {
    return this.flying.length + this.waiting.length;
  }

  /**
   * `fn` of `module` called with `args` in the worker; args[0] is checked as a zip first when `zip`. With
   * `onProgress`, `fn` is given `{ onPage }` as a last argument and each of its calls reaches `onProgress` and
   * gives the job its time budget again (a scan's pages each take seconds). Jobs run one at a time, in order,
   * each with the whole budget from when it starts.
   */
  run<T>(module: URL, fn: string, args: unknown[], opts: RunOptions = {}): Promise<T> {
    const { onProgress, file, options } = opts;
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
    const job: Job = {
      id: ++this.seq,
      module: module.href,
      fn,
      args,
      zip,
      progress: Boolean(onProgress),
      ...(file ? { file } : {}),
      ...(options ? { options } : {}),
    };
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ job, onProgress, resolve: resolve as (value: unknown) => void, reject });
      this.post();
    });
  }

  private spawn(): Worker {
    const worker = tsWorker(new URL('./worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (m: Reply) => {
      if (this.worker === worker) this.settle(m);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.kill(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new SandboxFailure('memory', `读取所需内存超过 ${this.budget.memoryMb} MB，已停止`)
          : new SandboxFailure('failed', `读取时出错：${error.message}`),
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.kill(new SandboxFailure('failed', '读取进程意外退出'));
    });
    return worker;
  }

  /** Posts waiting jobs up to IN_FLIGHT; the first in flight runs under the timer. */
  private post(): void {
    while (this.flying.length < IN_FLIGHT && this.waiting.length > 0) {
      const flight = this.waiting.shift() as Flight;
      this.worker ??= this.spawn();
      this.flying.push(flight);
      this.worker.postMessage(flight.job);
      if (this.flying.length === 1) this.startTimer();
    }
  }

  private startTimer(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.kill(new SandboxFailure('timeout', `读取超过 ${this.budget.timeoutMs / 1000} 秒，已停止`)),
      this.budget.timeoutMs,
    );
  }

  private settle(m: Reply): void {
    const head = this.flying[0];
    if (!head || m.id !== head.job.id) return;
    if (m.progress) {
      // A job that moves on (a page of a scan read) gets its time again: the budget is per step.
      this.timer?.refresh();
      head.onProgress?.(...m.progress);
      return;
    }
    this.flying.shift();
    // The next job in flight starts in the worker now: its time starts now (the same timer, restarted: a new
    // one per job was a removal from the timers' queue each time).
    if (this.flying.length > 0) this.timer?.refresh();
    else {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.post();
    if (m.ok) head.resolve(m.value);
    else head.reject(new SandboxFailure(REFUSALS.has(m.name ?? '') ? 'refused' : 'failed', m.message ?? '', m.name));
  }

  /** Ends the worker: the running job fails; the jobs posted behind it, not started, go to a new worker. */
  private kill(failure: SandboxFailure): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    void worker?.terminate();
    const [head, ...behind] = this.flying;
    this.flying = [];
    this.waiting.unshift(...behind);
    head?.reject(failure);
    this.post();
  }

  /** Ends the worker; jobs not settled fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    const unsettled = [...this.flying, ...this.waiting];
    this.flying = [];
    this.waiting = [];
    for (const flight of unsettled) flight.reject(new SandboxFailure('failed', '读取进程意外退出'));
    await worker?.terminate();
  }
}
