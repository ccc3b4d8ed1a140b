/** @jsxImportSource hono/jsx */
/**
 * 系统管理 → 用户管理: a 系统管理员 adds accounts (a one-time password shown once), resets passwords, lifts
 * lockouts, changes a user's role and agency, and disables or enables accounts. Every route calls one action
 * of src/auth/actions (the CLI and the JSON API call the same); each is audited there.
 */
import type { Context, Hono } from 'hono';
import { addUser } from '../../auth/actions/add-user.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import { changeUserRole } from '../../auth/actions/change-user-role.ts';
import { agencyChoices } from '../../auth/actions/list-agencies.ts';
import { listUsers } from '../../auth/actions/list-users.ts';
import { resetPassword } from '../../auth/actions/reset-password.ts';
import { setUserDisabled } from '../../auth/actions/set-user-disabled.ts';
import { unlockUser } from '../../auth/actions/unlock-user.ts';
import { ROLE_NAMES } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { roles } from '../../db/schema/auth.ts';
import { isAppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import { FieldError, type FieldErrors, fieldErrorsOf, invalid } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const BASE = '/console/admin/users';

export function consoleAdminUsers(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  const time = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

  const page = async (
    c: Context<AppEnv>,
    opts: {
      errors?: FieldErrors;
      typed?: Record<string, string>;
      issued?: { username: string; password: string };
    } = {},
  ) => {
    const actor = requireUser(c);
    const [list, choices] = await Promise.all([listUsers(deps.db, actor), agencyChoices(deps.db)]);
    const now = deps.clock.now();
    const typed = opts.typed ?? {};
    const errors = opts.errors;
    return consolePage(
      c,
      deps.site,
      '用户管理',
      <>
        <h1>用户管理</h1>
        {opts.issued ? (
          <div class="ok" role="status" id="one-time-password">
            <p>
              账户 <strong>{opts.issued.username}</strong> 的初始密码：<code>{opts.issued.password}</code>
            </p>
            <p>此密码只显示这一次，请当面或通过安全渠道交给本人；本人首次登录时须修改密码。</p>
          </div>
        ) : null}
        <h2>新增用户</h2>
        {errors?.form ? (
          <p class="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <form method="post" action={BASE} class="card">
          <Csrf c={c} />
          <label for="username">用户名（登录名）</label>
          <input
            id="username"
            name="username"
            type="text"
            value={typed.username ?? ''}
            required
            {...invalid(errors, 'username')}
          />
          <FieldError errors={errors} name="username" />
          <label for="displayName">姓名</label>
          <input
            id="displayName"
            name="displayName"
            type="text"
            value={typed.displayName ?? ''}
            required
            {...invalid(errors, 'displayName')}
          />
          <FieldError errors={errors} name="displayName" />
          <label for="agencyId">所属机关</label>
          <select id="agencyId" name="agencyId" {...invalid(errors, 'agencyId')}>
            <option value="">请选择</option>
            {choices.map((a) => (
              <option value={String(a.id)} selected={typed.agencyId === String(a.id)}>
                {a.label}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="agencyId" />
          <label for="role">角色</label>
          <select id="role" name="role" {...invalid(errors, 'role')}>
            <option value="">请选择</option>
            {roles.map((r) => (
              <option value={r} selected={typed.role === r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="role" />
          <p>
            <button type="submit">新增用户并生成初始密码</button>
          </p>
        </form>
        <h2>全部用户</h2>
        <div class="table-scroll">
          <table id="users">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">所属机关</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => {
                const locked = u.lockedUntil && u.lockedUntil > now;
                return (
                  <tr id={`user-${u.id}`}>
                    <td>{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>{u.agencyName}</td>
                    <td>{ROLE_NAMES[u.role]}</td>
                    <td>
                      {u.disabledAt ? '已停用' : locked ? `已锁定（至${time(u.lockedUntil!)}）` : '正常'}
                      {u.mustChangePassword ? '；待修改初始密码' : ''}
                    </td>
                    <td>
                      <form method="post" action={`${BASE}/${u.id}/reset-password`} class="inline">
                        <Csrf c={c} />
                        <button type="submit" class="secondary">
                          重置密码
                        </button>
                      </form>
                      {locked ? (
                        <form method="post" action={`${BASE}/${u.id}/unlock`} class="inline">
                          <Csrf c={c} />
                          <button type="submit" class="secondary">
                            解除锁定
                          </button>
                        </form>
                      ) : null}
                      {u.id === actor.id ? null : (
                        <form
                          method="post"
                          action={`${BASE}/${u.id}/${u.disabledAt ? 'enable' : 'disable'}`}
                          class="inline"
                        >
                          <Csrf c={c} />
                          <button type="submit" class={u.disabledAt ? 'secondary' : 'danger'}>
                            {u.disabledAt ? '启用' : '停用'}
                          </button>
                        </form>
                      )}
                      <details>
                        <summary>调整机关和角色</summary>
                        <form method="post" action={`${BASE}/${u.id}/role`}>
                          <Csrf c={c} />
                          <label for={`agency-${u.id}`}>所属机关</label>
                          <select id={`agency-${u.id}`} name="agencyId">
                            {choices.map((a) => (
                              <option value={String(a.id)} selected={a.id === u.agencyId}>
                                {a.label}
                              </option>
                            ))}
                          </select>
                          <label for={`role-${u.id}`}>角色</label>
                          <select id={`role-${u.id}`} name="role">
                            {roles.map((r) => (
                              <option value={r} selected={r === u.role}>
                                {ROLE_NAMES[r]}
                              </option>
                            ))}
                          </select>
                          <p>
                            <button type="submit">保存</button>
                          </p>
                        </form>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </>,
      errors ? 422 : 200,
    );
  };

  const userId = (c: Context<AppEnv>) => Number(c.req.param('id'));

  return (app: Hono<AppEnv>) => {
    app.get(BASE, (c) => {
      requireAdmin(requireUser(c));
      return page(c);
    });
    app.post(BASE, async (c) => {
      const actor = requireUser(c);
      requireAdmin(actor);
      const form = await c.req.parseBody();
      const typed = {
        username: str(form.username),
        displayName: str(form.displayName),
        agencyId: str(form.agencyId),
        role: str(form.role),
      };
      try {
        const made = await addUser(act, { actor, user: typed });
        return page(c, { issued: { username: made.user.username, password: made.oneTimePassword } });
      } catch (error) {
        if (
          isAppError(error) &&
          (error.code === 'bad_input' || error.code === 'conflict' || error.code === 'not_found')
        )
          return page(c, { errors: fieldErrorsOf(error), typed });
        throw error;
      }
    });
    app.post(`${BASE}/:id{[0-9]+}/reset-password`, async (c) => {
      const actor = requireUser(c);
      const id = userId(c);
      const { oneTimePassword } = await resetPassword(act, { actor, userId: id });
      const username = (await listUsers(deps.db, actor)).find((u) => u.id === id)?.username ?? String(id);
      return page(c, { issued: { username, password: oneTimePassword } });
    });
    app.post(`${BASE}/:id{[0-9]+}/unlock`, async (c) => {
      await unlockUser(act, { actor: requireUser(c), userId: userId(c) });
      return c.redirect(BASE, 303);
    });
    for (const [path, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(`${BASE}/:id{[0-9]+}/${path}`, async (c) => {
        await setUserDisabled(act, { actor: requireUser(c), userId: userId(c), disabled });
        return c.redirect(BASE, 303);
      });
    }
    app.post(`${BASE}/:id{[0-9]+}/role`, async (c) => {
      const form = await c.req.parseBody();
      await changeUserRole(act, {
        actor: requireUser(c),
        userId: userId(c),
        change: { agencyId: str(form.agencyId), role: str(form.role) },
      });
      return c.redirect(BASE, 303);
    });
  };
}
