import type { Command } from 'commander';
import { batchProgress } from '../../batch/batch-progress.ts';
import { openExtractionQueue } from '../../batch/queue.ts';
import { submitExtraction } from '../../batch/submit-extraction.ts';
import { systemClock } from '../../clock.ts';
import { config } from '../../config.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { expandInputs } from '../../extract/inputs.ts';
import { CliError } from '../run.ts';

function needServer(): string {
  if (!config.databaseUrl) throw new CliError('批量抽取的任务队列需要 PostgreSQL：请设置 DATABASE_URL');
  return config.databaseUrl;
}

export function register(program: Command): void {
  const batch = program
    .command('batch')
    .description('批量抽取：把文件分组放入任务队列，由任意多个 gongkai worker 进程领取（PostgreSQL）');
  batch
    .command('submit <inputs...>')
    .description('提交一批文件（文件、目录或通配符；须是每个工作进程都能读到的路径）')
    .option('--chunk <n>', '每个任务的文件数（默认 20）')
    .action(async (inputs: string[], opts: { chunk?: string }) => {
      const url = needServer();
      const sources = [...expandInputs(inputs)];
      const { db, close } = await openDb({ url });
      const boss = await openExtractionQueue(url, (error) => process.stderr.write(`${String(error)}\n`));
      try {
        await migrateDb(db);
        const { batchId, chunks } = await submitExtraction(
          { db, clock: systemClock, boss },
          { sources, chunkFiles: opts.chunk ? Number(opts.chunk) : undefined },
        );
        process.stdout.write(`批次 ${batchId}：${sources.length} 个文件，分为 ${chunks} 个任务\n`);
      } finally {
        await boss.stop({ graceful: false });
        await close();
      }
    });
  batch
    .command('status <id>')
    .description('批次进度：已完成、已读取、无法读取，各工作进程完成的文件数')
    .action(async (id: string) => {
      const { db, close } = await openDb({ url: needServer() });
      try {
        const p = await batchProgress(db, Number(id));
        const workers = Object.entries(p.byWorker)
          .map(([w, n]) => `${w} ${n}`)
          .join('，');
        process.stdout.write(
          `批次 ${p.batchId}：${p.done}/${p.files} 完成（读取 ${p.read}，无法读取 ${p.unreadable}）${workers ? `；${workers}` : ''}\n`,
        );
      } finally {
        await close();
      }
    });
}
