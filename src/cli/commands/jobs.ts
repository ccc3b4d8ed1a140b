import type { Command } from 'commander';
import { systemClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { JOBS } from '../../jobs/registry.ts';
import { runJob } from '../../jobs/run.ts';
import { nextRun, SCHEDULE } from '../../jobs/schedule.ts';

const local = (at: Date, tz: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(at);

export function register(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('定时任务：列出计划（办理期限提醒、清理过期会话）；run 立即执行一次')
    .action(() => {
      const now = systemClock.now();
      const lines = JOBS.map((job) => {
        const entry = SCHEDULE[job.name];
        return `${job.title}（${job.name}）：${entry.cron}（${entry.tz}），下次 ${local(nextRun(entry, now), entry.tz)}`;
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  jobs
    .command('run <name>')
    .description('立即执行一次定时任务（记入操作日志），不论计划')
    .option('--data <dir>', 'PGlite 数据目录（默认 GONGKAI_DATA 或 ./data；设置 DATABASE_URL 时使用该 PostgreSQL）')
    .action(async (name: string, opts: { data?: string }) => {
      const job = JOBS.find((j) => j.name === name);
      if (!job)
        throw new AppError('bad_input', `没有这个定时任务：${name}（可用：${JOBS.map((j) => j.name).join('、')}）`);
      const { db, close } = await openDb(opts.data ? { dataDir: opts.data } : {});
      try {
        await migrateDb(db);
        const log = {
          info: (fields: object, message: string) => process.stdout.write(`${message} ${JSON.stringify(fields)}\n`),
          // The error itself is printed by the CLI as it ends.
          error: (_fields: object, message: string) => process.stderr.write(`${message}\n`),
        };
        await runJob({ db, clock: systemClock }, job, log);
      } finally {
        await close();
      }
    });
}
