import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { formatSummary, runBatch } from '../../extract/batch.ts';
import { expandInputs } from '../../extract/inputs.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { importReports } from '../../reports/actions/import-reports.ts';
import { CliError } from '../run.ts';
import { parseJobs } from './extract.ts';

/** Reports stored per transaction: a failed batch leaves nothing of itself half-stored. */
const BATCH = 500;

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
        let pending: ExtractionOutput[] = [];
        let stored = 0;
        // One batch is stored while the next is read; a second full batch waits for it (memory stays flat).
        let storing: Promise<void> = Promise.resolve();
        const flush = async () => {
          const batch = pending;
          pending = [];
          await storing;
          if (batch.length === 0) return;
          storing = importReports({ db, now: systemClock.now() }, { actorId: null, outputs: batch }).then((ids) => {
            stored += ids.length;
          });
          storing.catch(() => undefined); // awaited by the next flush or at the end, which report the failure
        };
        const summary = await runBatch(
          paths,
          (out) => {
            pending.push(out);
            if (pending.length >= BATCH) return flush();
          },
          (done) => bar?.update(done),
          { jobs: opts.jobs },
        );
        await flush();
        await storing;
        bar?.stop();
        process.stderr.write(formatSummary(summary));
        process.stderr.write(`已存入 ${stored} 份报告。\n`);
      } finally {
        await close();
      }
    });
}
