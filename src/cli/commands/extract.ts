import { readFileSync } from 'node:fs';
import { MultiBar, type SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { formatSummary, runBatch } from '../../extract/batch.ts';
import { expandInputs } from '../../extract/inputs.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import type { PreviousReport } from '../../extract/read/index.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  program
    .command('extract')
    .description('把已发布的年度报告（TXT / HTML / DOCX / XLSX / PDF，扫描件和图片经文字识别）读成结构化数据')
    .argument('<inputs...>', '文件、目录或通配符')
    .option('--json', '输出 JSON（一个文件为对象，多个文件为数组）')
    .option('--jsonl', '每行输出一份 JSON（适合批量）')
    .option('--no-progress', '不显示进度条')
    .option('--jobs <n>', '同时读取的工作线程数（默认 1）', parseJobs, 1)
    .option(
      '--previous <file>',
      '同一机关上一年度报告的抽取结果（JSON），用其历年累计、上一年项目数量拆分连在一起的数字',
      readPrevious,
    )
    .option(
      '--series',
      '同一机关连续年度的报告互相参照（历年累计、上一年项目数量）拆分连在一起的数字（全部读完后输出）',
    )
    .action(async (inputs: string[], opts: ExtractCliOptions) => {
      const paths = [...expandInputs(inputs)];
      if (paths.length === 0) throw new CliError('没有找到可读取的文件');
      const single = paths.length === 1;
      const asArray = Boolean(opts.json && !opts.jsonl && !single);
      let written = 0;
      // One bar for the files of a batch; one for the pages of a scan while OCR reads it (a page takes seconds).
      const bars =
        opts.progress && process.stderr.isTTY
          ? new MultiBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true })
          : undefined;
      const bar = single
        ? undefined
        : bars?.create(paths.length, 0, {}, { format: '抽取 [{bar}] {value}/{total} {eta}s' });
      let pages: SingleBar | undefined;
      const onPage = (_path: string, done: number, total: number) => {
        pages ??= bars?.create(total, 0, {}, { format: '文字识别 [{bar}] {value}/{total} 页 {eta}s' });
        pages?.update(done);
        if (done >= total && pages) {
          bars?.remove(pages);
          pages = undefined;
        }
      };
      // A reader that stops reading (`| head`) ends the batch quietly, as it does for any Unix tool.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
      // Waits when stdout is a full pipe, so a slow reader of the output never makes the batch pile up.
      const write = (text: string): Promise<void> | undefined =>
        process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
      const summary = await runBatch(
        paths,
        (out) => {
          // Each result is written as soon as it is read: a batch is never held in memory.
          if (opts.jsonl) return write(`${JSON.stringify(out)}\n`);
          if (asArray) return write(`${written++ === 0 ? '[\n' : ',\n'}${JSON.stringify(out, null, 2)}`);
          if (opts.json) return write(`${JSON.stringify(out, null, 2)}\n`);
          return write(humanLine(out));
        },
        (done) => bar?.update(done),
        { jobs: opts.jobs, onPage, series: opts.series, ...(opts.previous ? { previous: opts.previous } : {}) },
      );
      bars?.stop();
      if (asArray) process.stdout.write(written === 0 ? '[]\n' : '\n]\n');
      if (single && summary.unreadable.length === 1) throw new CliError(`${paths[0]}: ${summary.unreadable[0].reason}`);
      if (!single) process.stderr.write(formatSummary(summary));
      if (summary.unreadable.length > 0) process.exitCode = 1;
    });
}

interface ExtractCliOptions {
  json?: boolean;
  jsonl?: boolean;
  progress: boolean;
  jobs: number;
  previous?: PreviousReport;
  series?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');
/** Absent, or an object of `each` entries. */
const recordOf = (v: unknown, each: (entry: unknown) => boolean) =>
  v === undefined || (isRecord(v) && Object.values(v).every(each));
const cutsList = (v: unknown) => Array.isArray(v) && v.every(numbers);
const cellValue = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'string';

/** `--previous`: an extraction JSON of `gongkai extract --json` (one object, or the first of an array). */
export function readPrevious(path: string): PreviousReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`--previous ${path}: 无法读取抽取结果 (${(error as Error).message.split('\n')[0]})`);
  }
  const report = Array.isArray(parsed) ? parsed[0] : parsed;
  const valid =
    isRecord(report) &&
    (typeof report.year === 'number' || report.year === null) &&
    recordOf(report.values, cellValue) &&
    recordOf(report.variantFigures, numbers) &&
    recordOf(report.variantCandidates, cutsList) &&
    recordOf(report.sectionTwoCandidates, cutsList);
  if (!valid) throw new CliError(`--previous ${path}: 不是 gongkai extract --json 的抽取结果`);
  const { year, issuer, variant, values, variantFigures, variantCandidates, sectionTwoCandidates } = report as {
    [K in keyof PreviousReport]-?: PreviousReport[K];
  };
  return {
    year,
    issuer: typeof issuer === 'string' ? issuer : null,
    ...(typeof variant === 'string' ? { variant } : {}),
    ...(values ? { values } : {}),
    ...(variantFigures ? { variantFigures } : {}),
    ...(variantCandidates ? { variantCandidates } : {}),
    ...(sectionTwoCandidates ? { sectionTwoCandidates } : {}),
  };
}

/** Worker threads for a batch: a whole number from 1 to MAX_JOBS. */
export const MAX_JOBS = 64;

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new CliError(`--jobs 应为 1 到 ${MAX_JOBS} 的整数`);
  return n;
}

function humanLine(out: ExtractionOutput): string {
  const errors = out.findings.filter((f) => f.severity === 'error').length;
  return `${out.source}\t${out.format}${out.hasTable ? '' : '（无表格）'}\t${out.year ?? '?'}\t${out.issuer ?? '?'}\t${Object.keys(out.values).length} 项\t${errors} 个错误${out.review?.length ? `\t${out.review.length} 项待复核` : ''}\n`;
}
