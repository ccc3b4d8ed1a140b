/** @jsxImportSource hono/jsx */
/**
 * 我的账号 → 修改密码: the signed-in user changes their own password (src/auth/actions/change-own-password.ts).
 * A user whose password an administrator gave is sent here first (src/web/auth.tsx). Errors beside fields.
 */
import type { Context, Hono } from 'hono';
import { changeOwnPassword } from '../../auth/actions/change-own-password.ts';
import { endOwnSession, listOwnSessions } from '../../auth/actions/own-sessions.ts';
import { MIN_PASSWORD_LENGTH } from '../../auth/password.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../errors.ts';
import { requireUser, sessionToken } from '../auth.tsx';
import { FieldError, type FieldErrors, fieldErrorsOf, invalid } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

export function consoleAccount(deps: { db: Db; clock: Clock; site: string }) {
  const page = (c: Context<AppEnv>, errors?: FieldErrors, done = false) => {
    const user = requireUser(c);
    return consolePage(
      c,
      deps.site,
      '修改密码',
      <>
        <h1>修改密码</h1>
        {user.mustChangePassword ? (
          <p class="warn" role="alert">
            您的密码由系统管理员设置，请先修改为只有您知道的新密码，再开始工作。
          </p>
        ) : null}
        {done ? (
          <p class="ok" role="status">
            密码已修改。您在其他设备上的登录已退出。
          </p>
        ) : null}
        {errors?.form ? (
          <p class="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <form method="post" action="/console/account/password">
          <Csrf c={c} />
          <label for="current">当前密码</label>
          <input
            id="current"
            name="current"
            type="password"
            autocomplete="current-password"
            required
            {...invalid(errors, 'current')}
          />
          <FieldError errors={errors} name="current" />
          <label for="next">新密码</label>
          <input
            id="next"
            name="next"
            type="password"
            autocomplete="new-password"
            required
            {...invalid(errors, 'next', 'next-hint')}
          />
          <p class="hint" id="next-hint">
            至少{MIN_PASSWORD_LENGTH}位，包含字母、数字、符号中的两类；不能是常见密码，不能包含用户名。
          </p>
          <FieldError errors={errors} name="next" />
          <label for="repeat">再次输入新密码</label>
          <input
            id="repeat"
            name="repeat"
            type="password"
            autocomplete="new-password"
            required
            {...invalid(errors, 'repeat')}
          />
          <FieldError errors={errors} name="repeat" />
          <p>
            <button type="submit">修改密码</button>
          </p>
        </form>
        <p>
          <a href="/console/account/sessions">查看登录会话</a>　<a href="/console/account/totp">动态验证码</a>
        </p>
      </>,
      errors ? 422 : 200,
    );
  };

  const time = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

  return (app: Hono<AppEnv>) => {
    app.get('/console/account/sessions', async (c) => {
      const actor = requireUser(c);
      const list = await listOwnSessions(deps.db, actor, sessionToken(c));
      return consolePage(
        c,
        deps.site,
        '登录会话',
        <>
          <h1>登录会话</h1>
          <p>您在以下浏览器或设备上处于登录状态。如有不认识的会话，请结束它并修改密码。</p>
          <table id="sessions">
            <thead>
              <tr>
                <th scope="col">登录时间</th>
                <th scope="col">到期时间</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr>
                  <td>{time(s.createdAt)}</td>
                  <td>{time(s.expiresAt)}</td>
                  <td>
                    {s.current ? (
                      '当前会话'
                    ) : (
                      <form method="post" action={`/console/account/sessions/${s.handle}/end`} class="inline">
                        <Csrf c={c} />
                        <button type="submit" class="secondary">
                          结束此会话
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href="/console/account/password">修改密码</a>
          </p>
        </>,
      );
    });
    app.post('/console/account/sessions/:handle/end', async (c) => {
      await endOwnSession(deps, { actor: requireUser(c), handle: c.req.param('handle') });
      return c.redirect('/console/account/sessions', 303);
    });
    app.get('/console/account/password', (c) => page(c, undefined, c.req.query('done') === '1'));
    app.post('/console/account/password', async (c) => {
      const actor = requireUser(c);
      const form = await c.req.parseBody();
      try {
        await changeOwnPassword(deps, {
          actor,
          sessionToken: sessionToken(c),
          form: { current: str(form.current), next: str(form.next), repeat: str(form.repeat) },
        });
      } catch (error) {
        // Passwords are never written back into the form.
        if (isAppError(error) && error.code === 'bad_input') return page(c, fieldErrorsOf(error));
        throw error;
      }
      return c.redirect('/console/account/password?done=1', 303);
    });
  };
}
