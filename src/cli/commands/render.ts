import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderDocx, renderHtml, renderXlsx } from '../../report/render/index.ts';
import { CliError } from '../run.ts';
import { readReportFile } from './check.ts';

const FORMATS = ['html', 'docx', 'xlsx'] as const;

export function register(program: Command): void {
  program
    .command('render')
    .description('按官方格式生成年度报告（HTML / DOCX / XLSX）')
    .argument('<report>', '报告 JSON 文件')
    .requiredOption('--format <format>', 'html | docx | xlsx')
    .requiredOption('-o, --output <file>', '输出文件')
    .action(async (file: string, opts: { format: string; output: string }) => {
      if (!FORMATS.includes(opts.format as (typeof FORMATS)[number])) {
        throw new CliError(`--format: 应为 ${FORMATS.join(' / ')} 之一，收到 ${opts.format}`);
      }
      const report = readReportFile(file);
      const out =
        opts.format === 'html'
          ? renderHtml(report)
          : opts.format === 'docx'
            ? await renderDocx(report)
            : await renderXlsx(report);
      writeFileSync(opts.output, out);
      process.stderr.write(`已生成 ${opts.output}\n`);
    });
}
