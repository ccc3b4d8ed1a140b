import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildReportJsonSchema } from '../../report/json-schema.ts';

export function register(program: Command): void {
  program
    .command('schema')
    .description('输出年度报告的 JSON Schema')
    .option('-o, --output <file>', '写入文件（默认输出到标准输出）')
    .action((opts: { output?: string }) => {
      const text = `${JSON.stringify(buildReportJsonSchema(), null, 2)}\n`;
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
}
