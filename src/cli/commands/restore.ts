import type { Command } from 'commander';
import { restore } from '../../db/backup.ts';
import { target } from './backup.ts';

export function register(program: Command): void {
  program
    .command('restore')
    .description('从 gongkai backup 的备份文件恢复到空的数据库（PGlite 数据目录或 DATABASE_URL）')
    .argument('<file>', '备份文件')
    .option('--data <dir>', 'PGlite 数据目录（默认 GONGKAI_DATA 或 ./data）')
    .option('--force', '目标不为空时仍然恢复（PGlite：原目录改名保留；PostgreSQL：先删除已有的表）')
    .action(async (file: string, opts: { data?: string; force?: boolean }) => {
      const to = target(opts.data);
      await restore(to, file, { force: opts.force });
      process.stderr.write(`已恢复：${'url' in to ? 'PostgreSQL（DATABASE_URL）' : to.dataDir}\n`);
    });
}
