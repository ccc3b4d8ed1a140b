/** @jsxImportSource hono/jsx */
/**
 * Staff sign-in: the session cookie (HttpOnly, SameSite=Lax, Secure behind HTTPS) carries a random token;
 * the database keeps its hash (src/auth/session.ts). `requireUser` guards every console route.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ROLE_NAMES } from '../auth/roles.ts';
import { login, logout, sessionUser } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { Layout } from './components/layout.tsx';
import type { AppEnv, SessionUser } from './env.ts';
import { safeLocalPath } from './security/redirect.ts';

const COOKIE = 'gk_session';

export function loadSession(deps: { db: Db; clock: Clock }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, COOKIE);
    const found = token ? await sessionUser(deps, token) : null;
    c.set('user', found?.user ?? null);
    if (token && !found) deleteCookie(c, COOKIE, { path: '/' });
    await next();
  };
}

/** The session cookie's token (the account page keeps this session when the password changes). */
export const sessionToken = (c: Context<AppEnv>): string | undefined => getCookie(c, COOKIE);

/**
 * A user whose password an administrator gave (a new account, a reset) reaches only the password page and
 * sign-out until it is changed: every other console page and API answer sends them there.
 */
export function mustChangePasswordFirst(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user?.mustChangePassword || c.req.path === '/console/account/password') return next();
    if (c.req.path.startsWith('/api/')) throw new AppError('forbidden', '请先修改管理员设置的初始密码');
    return c.redirect('/console/account/password', 303);
  };
}

export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', '请先登录');
  return user;
}

const loginForm = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  totp: z.string().max(20).optional(),
  next: z.string().optional(),
});

/** After sign-in: a console page of this site (src/web/security/redirect.ts), else the console's home. */
const safeNext = (next: string | undefined) => safeLocalPath(next, '/console', '/console');

export function authRoutes(deps: { db: Db; clock: Clock; site: string; secureCookies: boolean }) {
  return (app: Hono<AppEnv>) => {
    const page = (c: Context<AppEnv>, error?: string, status: 200 | 401 = 200, username = '') =>
      c.html(
        <Layout
          title="工作人员登录"
          site={deps.site}
          path="/login"
          csrf={c.get('csrfToken')}
          largeText={c.get('largeText')}
          script={c.get('script')}
        >
          <h1>工作人员登录</h1>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <form method="post" action="/login">
            <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
            <input type="hidden" name="next" value={safeNext(c.req.query('next'))} />
            <label for="username">用户名</label>
            <input id="username" name="username" type="text" autocomplete="username" value={username} required />
            <label for="password">密码</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <label for="totp">动态验证码</label>
            <input
              id="totp"
              name="totp"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength={20}
              aria-describedby="totp-hint"
            />
            <p class="hint" id="totp-hint">
              已绑定动态验证码的用户填写验证器应用显示的6位数字，其他用户不填。
            </p>
            <p>
              <button type="submit">登录</button>
            </p>
          </form>
        </Layout>,
        status,
      );

    app.get('/login', (c) => page(c));
    app.post('/login', async (c) => {
      const form = loginForm.safeParse(await c.req.parseBody());
      if (!form.success) return page(c, '请填写用户名和密码', 401);
      try {
        const result = await login(deps, form.data);
        setCookie(c, COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: deps.secureCookies,
          path: '/',
          // Max-Age, not Expires: relative to the browser's clock, whatever the server's says.
          maxAge: Math.max(60, Math.floor((result.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
        });
        // A password an administrator gave is changed before any work (src/web/console/account.tsx).
        if (result.user.mustChangePassword) return c.redirect('/console/account/password', 303);
        return c.redirect(safeNext(form.data.next), 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated')
          return page(c, error.message, 401, form.data.username);
        throw error;
      }
    });
    app.post('/logout', async (c) => {
      const token = getCookie(c, COOKIE);
      if (token) await logout(deps, token);
      deleteCookie(c, COOKIE, { path: '/' });
      return c.redirect('/', 303);
    });
  };
}

export const roleName = (user: SessionUser) => ROLE_NAMES[user.role];
