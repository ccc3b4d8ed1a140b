/** @jsxImportSource hono/jsx */
/**
 * 我的账号 → 动态验证码: binding an authenticator app (scan the QR code, give back one code), and unbinding it.
 * When the site requires it of administrators (production), an administrator without one is sent here before
 * anything else (adminTotpFirst below). Routes call src/auth/actions/{start,enable,disable}-totp.ts.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { raw } from 'hono/html';
import { disableTotp } from '../../auth/actions/disable-totp.ts';
import { enableTotp } from '../../auth/actions/enable-totp.ts';
import { startTotp } from '../../auth/actions/start-totp.ts';
import { totpStatus } from '../../auth/actions/totp-status.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError, isAppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import { FieldError, type FieldErrors, fieldErrorsOf, invalid } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import { qrSvg } from '../qr.ts';
import { Csrf, consolePage, str } from './shell.tsx';

export const TOTP_PAGE = '/console/account/totp';

/** An administrator without a bound 动态验证码 reaches only this page, the password page and sign-out. */
export function adminTotpFirst(required: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!required || !user || user.role !== 'admin' || user.totpEnabled) return next();
    if (c.req.path.startsWith(TOTP_PAGE) || c.req.path === '/console/account/password') return next();
    if (c.req.path.startsWith('/api/')) throw new AppError('forbidden', '系统管理员须先绑定动态验证码');
    return c.redirect(TOTP_PAGE, 303);
  };
}

export function consoleAccountTotp(deps: { db: Db; clock: Clock; site: string; adminTotpRequired: boolean }) {
  const page = async (c: Context<AppEnv>, errors?: FieldErrors) => {
    const user = requireUser(c);
    const status = await totpStatus(deps.db, { actor: user, site: deps.site });
    const mustBind = deps.adminTotpRequired && user.role === 'admin' && status.state !== 'enabled';
    return consolePage(
      c,
      deps.site,
      '动态验证码',
      <>
        <h1>动态验证码</h1>
        {mustBind ? (
          <p class="warn" role="alert">
            系统管理员须绑定动态验证码后才能使用管理功能。
          </p>
        ) : null}
        {errors?.form ? (
          <p class="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {status.state === 'enabled' ? (
          <>
            <p class="ok" id="totp-state">
              已绑定（{status.since.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}
              起）。登录时须输入验证器应用显示的6位动态验证码。
            </p>
            {deps.adminTotpRequired && user.role === 'admin' ? (
              <p>系统管理员不能解除绑定；手机遗失时，请另一位系统管理员重置您的密码（同时解除绑定）。</p>
            ) : (
              <form method="post" action={`${TOTP_PAGE}/disable`}>
                <Csrf c={c} />
                <label for="code">当前动态验证码</label>
                <input
                  id="code"
                  name="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  required
                  {...invalid(errors, 'code')}
                />
                <FieldError errors={errors} name="code" />
                <p>
                  <button type="submit" class="secondary">
                    解除绑定
                  </button>
                </p>
              </form>
            )}
          </>
        ) : status.state === 'pending' ? (
          <>
            <p id="totp-state">
              用验证器应用（如微信小程序“腾讯身份验证器”、Google Authenticator）扫描二维码，再输入应用显示的6位数字。
            </p>
            <div class="totp-qr">{raw(qrSvg(status.uri, '动态验证码绑定二维码'))}</div>
            <p>
              无法扫码时手动输入密钥：<code id="totp-secret">{status.secret}</code>
            </p>
            <form method="post" action={`${TOTP_PAGE}/enable`}>
              <Csrf c={c} />
              <label for="code">动态验证码</label>
              <input
                id="code"
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                required
                {...invalid(errors, 'code')}
              />
              <FieldError errors={errors} name="code" />
              <p>
                <button type="submit">完成绑定</button>
              </p>
            </form>
          </>
        ) : (
          <form method="post" action={`${TOTP_PAGE}/start`}>
            <Csrf c={c} />
            <p id="totp-state">未绑定。绑定后，登录时除密码外还须输入手机验证器应用显示的动态验证码。</p>
            <p>
              <button type="submit">绑定动态验证码</button>
            </p>
          </form>
        )}
      </>,
      errors ? 422 : 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get(TOTP_PAGE, (c) => page(c));
    app.post(`${TOTP_PAGE}/start`, async (c) => {
      await startTotp(deps, { actor: requireUser(c), site: deps.site });
      return c.redirect(TOTP_PAGE, 303);
    });
    app.post(`${TOTP_PAGE}/enable`, async (c) => {
      const form = await c.req.parseBody();
      try {
        await enableTotp(deps, { actor: requireUser(c), code: str(form.code) });
      } catch (error) {
        if (isAppError(error) && error.code === 'bad_input') return page(c, fieldErrorsOf(error));
        throw error;
      }
      return c.redirect(TOTP_PAGE, 303);
    });
    app.post(`${TOTP_PAGE}/disable`, async (c) => {
      const form = await c.req.parseBody();
      try {
        await disableTotp(deps, {
          actor: requireUser(c),
          code: str(form.code),
          adminTotpRequired: deps.adminTotpRequired,
        });
      } catch (error) {
        if (isAppError(error) && error.code === 'bad_input') return page(c, fieldErrorsOf(error));
        throw error;
      }
      return c.redirect(TOTP_PAGE, 303);
    });
  };
}
