/**
 * `gongkai check REPORT.json [--previous LAST_YEAR.json] [--json]`: the rule check (勾稽关系) of a report in
 * the JSON that `gongkai extract` prints. Exit 1 when a finding is an error, 0 otherwise, 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { check, hasErrors } from '../../report/check.ts';
import type { Finding, Report } from '../../report/model.ts';
import { parseReportJson } from '../../report/parse.ts';
import { CliError } from '../run.ts';

export function readReportFile(path: string): Report {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${path}: 无法读取文件`);
  }
  try {
    return parseReportJson(text, path);
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]);
  }
}

const SEVERITY = { error: '错误', warning: '提示' } as const;

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '未发现勾稽关系问题。\n';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const lines = findings.map((f) => `[${SEVERITY[f.severity]}] ${f.rule}: ${f.message}`);
  lines.push(`共 ${findings.length} 项：错误 ${errors} 项，提示 ${findings.length - errors} 项。`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('按勾稽关系校验年度报告 JSON（与 extract 输出同一格式）；有错误时退出码为 1')
    .argument('<report>', '报告 JSON 文件')
    .option('--previous <file>', '同一机关上一年度报告 JSON（跨年度校验）')
    .option('--json', '以 JSON 数组输出校验结果')
    .action((file: string, opts: { previous?: string; json?: boolean }) => {
      const report = readReportFile(file);
      const previous = opts.previous ? readReportFile(opts.previous) : undefined;
      if (previous && previous.year !== report.year - 1) {
        throw new CliError(
          `--previous ${opts.previous}: 应为上一年度（${report.year - 1}年度）的报告，该文件为${previous.year}年度`,
        );
      }
      const findings = check(report, { previous });
      process.stdout.write(opts.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings));
      if (hasErrors(findings)) process.exitCode = 1;
    });
}
