import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { formatSummary, runBatch } from '../../extract/batch.ts';
import { expandInputs } from '../../extract/inputs.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  program
    .command('extract')
    .description('把已发布的年度报告（TXT / HTML / DOCX / PDF）读成结构化数据')
    .argument('<inputs...>', '文件、目录或通配符')
    .option('--json', '输出 JSON（一个输入为对象，多个为数组）')
    .option('--jsonl', '每行输出一份 JSON（适合批量）')
    .option('--no-progress', '不显示进度条')
    .action(async (inputs: string[], opts: { json?: boolean; jsonl?: boolean; progress: boolean }) => {
      const paths = [...expandInputs(inputs)];
      if (paths.length === 0) throw new CliError('没有找到可读取的文件');
      const single = paths.length === 1;
      const collected: ExtractionOutput[] = [];
      const bar =
        opts.progress && process.stderr.isTTY && !single
          ? new SingleBar({ stream: process.stderr, format: '抽取 [{bar}] {value}/{total} {eta}s' })
          : undefined;
      bar?.start(paths.length, 0);
      const summary = await runBatch(
        paths,
        (out) => {
          if (opts.jsonl) process.stdout.write(`${JSON.stringify(out)}\n`);
          else if (opts.json) collected.push(out);
          else process.stdout.write(humanLine(out));
        },
        (done) => bar?.update(done),
      );
      bar?.stop();
      if (opts.json && !opts.jsonl)
        process.stdout.write(`${JSON.stringify(single ? (collected[0] ?? null) : collected, null, 2)}\n`);
      if (single && summary.unreadable.length === 1) throw new CliError(`${paths[0]}: ${summary.unreadable[0].reason}`);
      if (!single) process.stderr.write(formatSummary(summary));
      if (summary.unreadable.length > 0) process.exitCode = 1;
    });
}

function humanLine(out: ExtractionOutput): string {
  const errors = out.findings.filter((f) => f.severity === 'error').length;
  return `${out.source}\t${out.format}${out.hasTable ? '' : '（无表格）'}\t${out.year ?? '?'}\t${out.issuer ?? '?'}\t${Object.keys(out.values).length} 项\t${errors} 个错误\n`;
}
