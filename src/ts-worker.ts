/**
 * A worker thread running one of our TypeScript modules: the worker loads tsx as the process does (our modules
 * are .ts), then the module. One helper for the three kinds of worker (search texts, the extraction sandbox, the
 * serving process's PGlite).
 *
 * @example
 * const worker = tsWorker(new URL('./search-text-worker.ts', import.meta.url), {});
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function tsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
