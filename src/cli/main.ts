/**
 * The `gongkai` command. Each subcommand lives in its own file under ./commands and is loaded only when
 * invoked, so a slow import (PDF, database) never delays another command.
 */
import { Command } from 'commander';
import { runCli } from './run.ts';

const program = new Command('gongkai').description('政府信息公开工作平台').showHelpAfterError();

type Register = (program: Command) => void;
const commands: Record<string, () => Promise<{ register: Register }>> = {
  check: () => import('./commands/check.ts'),
  render: () => import('./commands/render.ts'),
  schema: () => import('./commands/schema.ts'),
  extract: () => import('./commands/extract.ts'),
  deadline: () => import('./commands/deadline.ts'),
  calendar: () => import('./commands/calendar.ts'),
  migrate: () => import('./commands/migrate.ts'),
  demo: () => import('./commands/demo.ts'),
  serve: () => import('./commands/serve.ts'),
  import: () => import('./commands/import.ts'),
  jobs: () => import('./commands/jobs.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
  user: () => import('./commands/user.ts'),
  agency: () => import('./commands/agency.ts'),
  worker: () => import('./commands/worker.ts'),
  batch: () => import('./commands/batch.ts'),
};

await runCli(async () => {
  const name = process.argv[2];
  const load = name ? commands[name] : undefined;
  if (load) {
    (await load()).register(program);
  } else {
    // Help or an unknown name: list every command that is installed.
    for (const [key, loader] of Object.entries(commands)) {
      try {
        (await loader()).register(program);
      } catch {
        program.command(key).description('（未安装）');
      }
    }
  }
  await program.parseAsync(process.argv);
});
