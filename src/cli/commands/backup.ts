import type { Command } from 'commander';
import { config } from '../../config.ts';
import { backup, type Target } from '../../db/backup.ts';

export function target(data: string | undefined): Target {
  return config.databaseUrl && !data ? { url: config.databaseUrl } : { dataDir: data ?? config.dataDir };
}

export function register(program: Command): void {
  program
    .command('backup')
    .description('备份整个数据库：PGlite 数据目录（服务运行时经由服务进程）或 DATABASE_URL 的 PostgreSQL（pg_dump）')
    .argument('<file>', '备份文件，例如 gongkai-2026-12-03.backup')
    .option('--data <dir>', 'PGlite 数据目录（默认 GONGKAI_DATA 或 ./data）')
    .action(async (file: string, opts: { data?: string }) => {
      const result = await backup(target(opts.data), file);
      const via = result.viaServer ? `，经由运行中的服务进程 ${result.viaServer}` : '';
      process.stderr.write(
        `已备份（${result.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}${via}）：${file}，${result.bytes} 字节\n`,
      );
    });
}
