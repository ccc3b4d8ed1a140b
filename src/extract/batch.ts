/**
 * A batch of documents: extracted one at a time, each result handed on at once, a summary kept. One bad
 * file never stops the batch.
 */
import { type ExtractionOutput, extractFile, UnreadableError } from './pipeline.ts';

export interface BatchSummary {
  read: number;
  templates: Record<string, number>;
  withErrors: number;
  unreadable: { source: string; reason: string }[];
}

export async function runBatch(
  paths: Iterable<string>,
  onResult: (out: ExtractionOutput) => void,
  onProgress?: (done: number) => void,
): Promise<BatchSummary> {
  const summary: BatchSummary = { read: 0, templates: {}, withErrors: 0, unreadable: [] };
  let done = 0;
  for (const path of paths) {
    try {
      const out = await extractFile(path);
      summary.read++;
      const key = out.hasTable ? out.format : `${out.format} (no table)`;
      summary.templates[key] = (summary.templates[key] ?? 0) + 1;
      if (out.findings.some((f) => f.severity === 'error')) summary.withErrors++;
      onResult(out);
    } catch (error) {
      const reason = error instanceof UnreadableError ? error.message : `internal error: ${(error as Error).message}`;
      summary.unreadable.push({ source: path, reason: reason.split('\n')[0] });
    }
    onProgress?.(++done);
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
