/**
 * A batch of documents: extracted, each result handed on in input order as soon as it and those before it
 * are read, a summary kept. One bad file never stops the batch: each is read in the sandbox
 * (./sandboxed.ts) under a time and memory budget. With `jobs` above one, that many sandboxes (worker
 * threads) read at once (`gongkai extract --jobs N`); at most `jobs × WINDOW_PER_JOB` files are read ahead
 * of the one handed on, so memory stays flat whatever the batch's size.
 */
import type { Budget, Sandbox } from '../sandbox/run.ts';
import { type ExtractionOutput, UnreadableError } from './pipeline.ts';
import type { PreviousReport } from './read/index.ts';
import { extractFileSandboxed, extractSandbox, type YearsEitherSide } from './sandboxed.ts';
import { readAsSeries } from './series.ts';

export interface BatchSummary {
  read: number;
  templates: Record<string, number>;
  withErrors: number;
  unreadable: { source: string; reason: string }[];
}

export interface BatchOptions {
  budget?: Budget;
  /** Worker threads reading at once; 1 (the default) reads one file at a time. */
  jobs?: number;
  /** Told of each page a scan's OCR reads (the file's path, pages done, pages in all). */
  onPage?: (path: string, done: number, total: number) => void;
  /** The same body's report of the year before, lent to every file (`gongkai extract --previous`). */
  previous?: PreviousReport;
  /**
   * Read the batch as series (`gongkai extract --series`, series.ts): a body's variant reports of consecutive
   * years read again with the years either side. The results are held until every file is read.
   */
  series?: boolean;
}

/**
 * Files read ahead per worker: enough to keep each busy while the results before them are handed on and
 * the next file is read from disk (one job reading one file at a time left its worker idle a fifth of the time).
 */
export const WINDOW_PER_JOB = 4;

type Settled = { source: string; out: ExtractionOutput } | { source: string; reason: string };

/**
 * A fixed set of sandboxes, each given up to PER_SANDBOX jobs at once (it runs them one at a time, the next
 * already in its worker when one ends: src/sandbox/run.ts); a job goes to the least busy, or waits.
 */
const PER_SANDBOX = 2;

class SandboxPool {
  private readonly busy = new Map<Sandbox, number>();
  private readonly waiting: ((sandbox: Sandbox) => void)[] = [];
  constructor(private readonly all: Sandbox[]) {
    for (const sandbox of all) this.busy.set(sandbox, 0);
  }

  private take(): Sandbox | undefined {
    let best: Sandbox | undefined;
    for (const [sandbox, n] of this.busy)
      if (n < PER_SANDBOX && (!best || n < (this.busy.get(best) ?? 0))) best = sandbox;
    if (best) this.busy.set(best, (this.busy.get(best) ?? 0) + 1);
    return best;
  }

  async use<T>(fn: (sandbox: Sandbox) => Promise<T>): Promise<T> {
    const sandbox = this.take() ?? (await new Promise<Sandbox>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(sandbox);
    } finally {
      const next = this.waiting.shift();
      if (next) next(sandbox);
      else this.busy.set(sandbox, (this.busy.get(sandbox) ?? 1) - 1);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((s) => s.close()));
  }
}

async function settle(
  pool: SandboxPool,
  path: string,
  opts: BatchOptions,
  neighbours: YearsEitherSide = opts.previous ? { previous: opts.previous } : {},
): Promise<Settled> {
  try {
    const { onPage } = opts;
    const pages = onPage ? (done: number, total: number) => onPage(path, done, total) : undefined;
    return { source: path, out: await pool.use((sandbox) => extractFileSandboxed(sandbox, path, pages, neighbours)) };
  } catch (error) {
    const reason =
      error instanceof UnreadableError ? error.message : `内部错误 (internal error: ${(error as Error)?.message})`;
    return { source: path, reason: reason.split('\n')[0] };
  }
}

export async function runBatch(
  paths: Iterable<string>,
  /** Called with each result in input order; a returned promise (a full output pipe) is awaited. */
  onResult: (out: ExtractionOutput) => void | Promise<void>,
  onProgress?: (done: number) => void,
  options: BatchOptions | Budget = {},
): Promise<BatchSummary> {
  const opts: BatchOptions = 'timeoutMs' in options ? { budget: options } : options;
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  const summary: BatchSummary = { read: 0, templates: {}, withErrors: 0, unreadable: [] };
  let done = 0;
  const pool = new SandboxPool(Array.from({ length: jobs }, () => extractSandbox(opts.budget)));
  const handOn = async (settled: Settled) => {
    if ('reason' in settled) summary.unreadable.push({ source: settled.source, reason: settled.reason });
    else {
      const out = settled.out;
      summary.read++;
      const key = out.hasTable ? out.format : `${out.format}（无表格）`;
      summary.templates[key] = (summary.templates[key] ?? 0) + 1;
      if (out.findings.some((f) => f.severity === 'error')) summary.withErrors++;
      await onResult(out); // not caught: a failing output is the caller's error, not a bad file
    }
    onProgress?.(++done);
  };
  const ahead: Promise<Settled>[] = [];
  const window = jobs * WINDOW_PER_JOB;
  const held: Settled[] = [];
  const next = opts.series ? async (s: Settled) => void held.push(s) : handOn;
  try {
    for (const path of paths) {
      ahead.push(settle(pool, path, opts));
      if (ahead.length >= window) await next(await (ahead.shift() as Promise<Settled>));
    }
    while (ahead.length) await next(await (ahead.shift() as Promise<Settled>));
    if (opts.series) {
      const outputs = held.map((s) => ('out' in s ? s.out : undefined));
      await readAsSeries(outputs, async (index, neighbours) => {
        const again = await settle(pool, held[index].source, opts, neighbours);
        // Read once, refused the second time (its budget spent): the first reading stands.
        if ('out' in again) held[index] = again;
        return (held[index] as { out: ExtractionOutput }).out;
      });
      for (const s of held) await handOn(s);
    }
  } finally {
    await Promise.allSettled(ahead); // an output that failed: let the reads under way end before the workers do
    await pool.close();
  }
  return summary;
}

export function formatSummary(s: BatchSummary): string {
  const templates = Object.entries(s.templates)
    .map(([k, n]) => `${k} ${n}`)
    .join('，');
  const lines = [
    `读取 ${s.read} 份报告${templates ? `（${templates}）` : ''}；其中 ${s.withErrors} 份有勾稽关系错误；无法读取 ${s.unreadable.length} 份。`,
    ...s.unreadable.map((u) => `  无法读取 ${u.source}: ${u.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
