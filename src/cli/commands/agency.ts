/**
 * `gongkai agency …`: the agency tree from the server's shell, through the same actions as the console's
 * 机构管理 (src/agencies/actions), audited as the administrator named by `--as`.
 */
import type { Command } from 'commander';
import { asc } from 'drizzle-orm';
import { addAgency } from '../../agencies/actions/add-agency.ts';
import { moveAgency } from '../../agencies/actions/move-agency.ts';
import { renameAgency } from '../../agencies/actions/rename-agency.ts';
import { setAgencyCreditCode } from '../../agencies/actions/set-agency-credit-code.ts';
import { KIND_NAMES } from '../../agencies/create-agency.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import { systemClock } from '../../clock.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AS_ADMIN_OPTION, asAdmin, withDb } from '../as-admin.ts';

export function register(program: Command): void {
  const agency = program.command('agency').description('机构管理：列出、新增、更名、统一社会信用代码、调整隶属关系');
  agency
    .command('list')
    .description('列出机关目录（编号、名称、类型、统一社会信用代码）')
    .option(...AS_ADMIN_OPTION)
    .action((opts: { as: string }) =>
      withDb('agency', async (db) => {
        requireAdmin(await asAdmin(db, opts.as));
        for (const a of await db.select().from(agencies).orderBy(asc(agencies.path))) {
          const depth = a.path.split('/').filter(Boolean).length - 1;
          process.stdout.write(
            `${a.id}\t${'  '.repeat(depth)}${a.name}\t${KIND_NAMES[a.kind]}\t${a.creditCode ?? ''}\n`,
          );
        }
      }),
    );
  agency
    .command('add')
    .description('新增机关')
    .argument('<name>', '机关名称')
    .requiredOption(
      '--kind <kind>',
      `类型：${Object.entries(KIND_NAMES)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}`,
    )
    .option('--parent <id>', '上级机关编号（顶层人民政府不填）', '')
    .option('--credit-code <code>', '统一社会信用代码', '')
    .option(...AS_ADMIN_OPTION)
    .action((name: string, opts: { kind: string; parent: string; creditCode: string; as: string }) =>
      withDb('agency', async (db) => {
        const made = await addAgency(
          { db, clock: systemClock },
          {
            actor: await asAdmin(db, opts.as),
            agency: { name, kind: opts.kind, parentId: opts.parent, creditCode: opts.creditCode },
          },
        );
        process.stdout.write(`已新增机关 ${made.id} ${made.name}\n`);
      }),
    );
  agency
    .command('rename')
    .description('机关更名（编号和全部记录不变）')
    .argument('<id>', '机关编号')
    .argument('<name>', '新名称')
    .option(...AS_ADMIN_OPTION)
    .action((id: string, name: string, opts: { as: string }) =>
      withDb('agency', async (db) => {
        await renameAgency(
          { db, clock: systemClock },
          { actor: await asAdmin(db, opts.as), agencyId: Number(id), change: { name } },
        );
        process.stdout.write(`已更名：${id} ${name}\n`);
      }),
    );
  agency
    .command('credit-code')
    .description('填写或更正统一社会信用代码（空字符串为清除）')
    .argument('<id>', '机关编号')
    .argument('<code>', '统一社会信用代码')
    .option(...AS_ADMIN_OPTION)
    .action((id: string, code: string, opts: { as: string }) =>
      withDb('agency', async (db) => {
        await setAgencyCreditCode(
          { db, clock: systemClock },
          { actor: await asAdmin(db, opts.as), agencyId: Number(id), change: { creditCode: code } },
        );
        process.stdout.write(`已保存：机关 ${id} 的统一社会信用代码 ${code || '（已清除）'}\n`);
      }),
    );
  agency
    .command('move')
    .description('调整隶属关系：机关及其下级机关移到新的上级机关之下')
    .argument('<id>', '机关编号')
    .requiredOption('--parent <id>', '新的上级机关编号（顶层人民政府写空字符串）')
    .option(...AS_ADMIN_OPTION)
    .action((id: string, opts: { parent: string; as: string }) =>
      withDb('agency', async (db) => {
        await moveAgency(
          { db, clock: systemClock },
          { actor: await asAdmin(db, opts.as), agencyId: Number(id), change: { parentId: opts.parent } },
        );
        process.stdout.write(`已调整：机关 ${id} 的上级机关为 ${opts.parent || '（顶层）'}\n`);
      }),
    );
}
