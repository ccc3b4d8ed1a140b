import type { Command } from 'commander';
import { systemClock } from '../../clock.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { DEMO_PASSWORD, isEmpty, loadDemo } from '../../demo/county.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description('载入演示数据：示范县人民政府及其60个部门和乡镇、三年的依申请公开办理记录和年度报告')
    .option('--per-year <n>', '每年申请数', '1200')
    .action(async (opts: { perYear: string }) => {
      const { db, close } = await openDb({ command: 'demo' });
      try {
        await migrateDb(db);
        if (!(await isEmpty(db)))
          throw new CliError('数据库中已有数据：演示数据只能载入空数据库（删除 ./data 目录后重试）');
        const result = await loadDemo({ db, clock: systemClock }, { perYear: Number(opts.perYear) || 1200 });
        process.stdout.write(
          `已载入：${result.agencies} 个机关，${result.cases} 件申请，${result.appeals} 件复议诉讼，${result.reports} 份年度报告。\n演示账号：${result.users.join('、')}，密码 ${DEMO_PASSWORD}\n`,
        );
      } finally {
        await close();
      }
    });
}
