/**
 * `gongkai user …`: user administration from the server's shell, through the same actions as the console's
 * 用户管理 and /api/admin (src/auth/actions), audited as the administrator named by `--as`. Whoever has the
 * server's shell is trusted with it: an administrator locked out is let in again with `reset-password`.
 */
import type { Command } from 'commander';
import { addUser } from '../../auth/actions/add-user.ts';
import { listUsers } from '../../auth/actions/list-users.ts';
import { resetPassword } from '../../auth/actions/reset-password.ts';
import { setUserDisabled } from '../../auth/actions/set-user-disabled.ts';
import { unlockUser } from '../../auth/actions/unlock-user.ts';
import { ROLE_NAMES } from '../../auth/roles.ts';
import { systemClock } from '../../clock.ts';
import { AS_ADMIN_OPTION, asAdmin, idOf, withDb } from '../as-admin.ts';

export function register(program: Command): void {
  const user = program.command('user').description('用户管理：新增、重置密码、解除锁定、停用、启用');
  const as = AS_ADMIN_OPTION;
  user
    .command('list')
    .description('列出全部用户')
    .option(...as)
    .action((opts: { as: string }) =>
      withDb('user', async (db) => {
        for (const u of await listUsers(db, await asAdmin(db, opts.as))) {
          const state = u.disabledAt ? '已停用' : u.lockedUntil && u.lockedUntil > new Date() ? '已锁定' : '正常';
          process.stdout.write(`${u.username}\t${u.displayName}\t${u.agencyName}\t${ROLE_NAMES[u.role]}\t${state}\n`);
        }
      }),
    );
  user
    .command('create')
    .description('新增用户，打印一次性初始密码（首次登录须修改）')
    .argument('<username>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--agency <id>', '所属机关编号')
    .requiredOption(
      '--role <role>',
      `角色：${Object.entries(ROLE_NAMES)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}`,
    )
    .option(...as)
    .action((username: string, opts: { name: string; agency: string; role: string; as: string }) =>
      withDb('user', async (db) => {
        const made = await addUser(
          { db, clock: systemClock },
          {
            actor: await asAdmin(db, opts.as),
            user: { username, displayName: opts.name, agencyId: opts.agency, role: opts.role },
          },
        );
        process.stdout.write(`已新增用户 ${made.user.username}，初始密码：${made.oneTimePassword}（首次登录须修改）\n`);
      }),
    );
  user
    .command('reset-password')
    .description('重置密码，打印一次性新密码；同时解除锁定并退出其全部登录')
    .argument('<username>', '用户名')
    .option(...as)
    .action((username: string, opts: { as: string }) =>
      withDb('user', async (db) => {
        const actor = await asAdmin(db, opts.as);
        const { oneTimePassword } = await resetPassword(
          { db, clock: systemClock },
          { actor, userId: await idOf(db, username) },
        );
        process.stdout.write(`${username} 的新密码：${oneTimePassword}（登录后须修改）\n`);
      }),
    );
  user
    .command('unlock')
    .description('解除因多次密码错误造成的锁定')
    .argument('<username>', '用户名')
    .option(...as)
    .action((username: string, opts: { as: string }) =>
      withDb('user', async (db) => {
        await unlockUser(
          { db, clock: systemClock },
          { actor: await asAdmin(db, opts.as), userId: await idOf(db, username) },
        );
        process.stdout.write(`已解除 ${username} 的锁定\n`);
      }),
    );
  for (const [name, disabled, words] of [
    ['disable', true, '停用'],
    ['enable', false, '启用'],
  ] as const) {
    user
      .command(name)
      .description(`${words}账户`)
      .argument('<username>', '用户名')
      .option(...as)
      .action((username: string, opts: { as: string }) =>
        withDb('user', async (db) => {
          const actor = await asAdmin(db, opts.as);
          await setUserDisabled({ db, clock: systemClock }, { actor, userId: await idOf(db, username), disabled });
          process.stdout.write(`已${words} ${username}\n`);
        }),
      );
  }
}
