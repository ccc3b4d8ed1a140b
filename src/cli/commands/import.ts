import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { formatSummary } from '../../extract/batch.ts';
import { expandInputs } from '../../extract/inputs.ts';
import { importFiles } from '../../reports/actions/import-files.ts';
import { CliError } from '../run.ts';
import { parseJobs } from './extract.ts';

export function register(program: Command): void {
  program
    .command('import')
    .description('导入已发布的年度报告（任意机关、任意年份）：抽取、校验并存入数据库')
    .argument('<inputs...>', '文件、目录或通配符')
    .option('--no-progress', '不显示进度条')
    .option('--jobs <n>', '同时读取的工作线程数（默认为本机处理器数）', parseJobs, availableParallelism())
    .action(async (inputs: string[], opts: { progress: boolean; jobs: number }) => {
      const paths = [...expandInputs(inputs)];
      if (paths.length === 0) throw new CliError('没有找到可读取的文件');
      const { db, close } = await openDb({ command: 'import' });
      try {
        await migrateDb(db);
        const bar =
          opts.progress && process.stderr.isTTY
            ? new SingleBar({ stream: process.stderr, format: '导入 [{bar}] {value}/{total} {eta}s' })
            : undefined;
        bar?.start(paths.length, 0);
        const { summary, stored } = await importFiles(
          { db, now: () => systemClock.now() },
          { paths, jobs: opts.jobs, onProgress: (done) => bar?.update(done) },
        );
        bar?.stop();
        process.stderr.write(formatSummary(summary));
        process.stderr.write(`已存入 ${stored} 份报告。\n`);
      } finally {
        await close();
      }
    });
}
