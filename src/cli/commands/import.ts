import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { formatSummary, runBatch } from '../../extract/batch.ts';
import { expandInputs } from '../../extract/inputs.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { importReports } from '../../reports/actions/import-reports.ts';
import { CliError } from '../run.ts';

const BATCH = 500;

export function register(program: Command): void {
  program
    .command('import')
    .description('导入已发布的年度报告（任意机关、任意年份）：抽取、校验并存入数据库')
    .argument('<inputs...>', '文件、目录或通配符')
    .option('--no-progress', '不显示进度条')
    .action(async (inputs: string[], opts: { progress: boolean }) => {
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
        const flush = async () => {
          if (!pending.length) return;
          const batch = pending;
          pending = [];
          stored += (await importReports({ db, now: systemClock.now() }, { actorId: null, outputs: batch })).length;
        };
        const flushes: Promise<void>[] = [];
        const summary = await runBatch(
          paths,
          (out) => {
            pending.push(out);
            if (pending.length >= BATCH) flushes.push(flush());
          },
          (done) => bar?.update(done),
        );
        await Promise.all(flushes);
        await flush();
        bar?.stop();
        process.stderr.write(formatSummary(summary));
        process.stderr.write(`已存入 ${stored} 份报告。\n`);
      } finally {
        await close();
      }
    });
}
