import type { Command } from 'commander';
import { startWorker } from '../../batch/worker.ts';
import { systemClock } from '../../clock.ts';
import { config } from '../../config.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { log } from '../../log.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  program
    .command('worker')
    .description('批量抽取的工作进程：从 PostgreSQL 的任务队列领取文件组并保存结果（可在多台机器上同时运行）')
    .option('--concurrency <n>', '同时处理的文件组数（默认 1；一般为 CPU 核数）', '1')
    .action(async (opts: { concurrency: string }) => {
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new CliError('--concurrency 应为正整数');
      if (!config.databaseUrl) throw new CliError('工作进程需要 PostgreSQL：请设置 DATABASE_URL');
      const { db, close } = await openDb({ url: config.databaseUrl });
      await migrateDb(db);
      const stop = await startWorker({ db, clock: systemClock, url: config.databaseUrl, log, concurrency });
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      // Chunks in hand are finished; those not yet taken stay in the queue for the other workers.
      await stop();
      await close();
      log.info('worker stopped');
    });
}
