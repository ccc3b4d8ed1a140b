/**
 * A batch of documents: extracted one at a time, each result handed on at once, a summary kept. One bad
 * file never stops the batch: each is read in the sandbox (./sandboxed.ts) under a time and memory budget.
 */
import type { Budget } from '../sandbox/run.ts';
import { type ExtractionOutput, UnreadableError } from './pipeline.ts';
import { extractFileSandboxed, extractSandbox } from './sandboxed.ts';

export interface BatchSummary {
  read: number;
  templates: Record<string, number>;
  withErrors: number;
  unreadable: { source: string; reason: string }[];
}

export async function runBatch(
  paths: Iterable<string>,
  /** Called with each result as soon as it is read; a returned promise (a full output pipe) is awaited. */
  onResult: (out: ExtractionOutput) => void | Promise<void>,
  onProgress?: (done: number) => void,
  budget?: Budget,
  /** Told of each page a scan's OCR reads (the file's path, pages done, pages in all). */
  onPage?: (path: string, done: number, total: number) => void,
): Promise<BatchSummary> {
  const summary: BatchSummary = { read: 0, templates: {}, withErrors: 0, unreadable: [] };
  let done = 0;
  const sandbox = extractSandbox(budget);
  try {
    for (const path of paths) {
      let out: ExtractionOutput | undefined;
      try {
        out = await extractFileSandboxed(
          sandbox,
          path,
          onPage ? (done, total) => onPage(path, done, total) : undefined,
        );
      } catch (error) {
        const reason =
          error instanceof UnreadableError ? error.message : `内部错误 (internal error: ${(error as Error)?.message})`;
        summary.unreadable.push({ source: path, reason: reason.split('\n')[0] });
      }
      if (out) {
        summary.read++;
        const key = out.hasTable ? out.format : `${out.format}（无表格）`;
        summary.templates[key] = (summary.templates[key] ?? 0) + 1;
        if (out.findings.some((f) => f.severity === 'error')) summary.withErrors++;
        await onResult(out); // outside the try: a failing output is the caller's error, not a bad file
      }
      onProgress?.(++done);
    }
  } finally {
    await sandbox.close();
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
