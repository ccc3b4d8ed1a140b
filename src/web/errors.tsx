/** @jsxImportSource hono/jsx */
/**
 * One place that maps AppError codes to HTTP statuses, and the error pages: they say what happened in
 * Chinese and never show a stack trace. API paths (/api/…) get JSON.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { inputError } from '../api-input.ts';
import { type ErrorCode, isAppError } from '../errors.ts';
import { Layout } from './components/layout.tsx';
import type { AppEnv } from './env.ts';
import { safeLocalPath } from './security/redirect.ts';

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  blocked: 422,
  calendar_missing: 422,
  rate_limited: 429,
};

const CODE_OF_STATUS: Partial<Record<number, ApiErrorCode>> = { 404: 'no_route', 413: 'too_large', 500: 'internal' };

const TITLES: Partial<Record<number, string>> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作与当前状态冲突',
  413: '提交的内容过大',
  422: '无法完成操作',
  429: '操作过于频繁',
  500: '系统出现错误',
};

/** What a JSON client can branch on besides the status: the AppError code, or one of these. */
export type ApiErrorCode = ErrorCode | 'too_large' | 'no_route' | 'internal';

/**
 * The error page, or for /api/… and JSON clients `{ error: { status, code, message } }` (the only error format
 * the JSON APIs send; their tests run against this handler, not a stand-in).
 */
export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  message: string,
  site: string,
  code: ApiErrorCode = CODE_OF_STATUS[status] ?? 'internal',
) {
  if (c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json')) {
    return c.json({ error: { status, code, message } }, status);
  }
  const title = TITLES[status] ?? '出错了';
  // A refusal in the console stays in the console, with its menus, and sends the user back to the form: the
  // browser's 后退 keeps what was typed (issue #15).
  const user = c.get('user');
  const inConsole = Boolean(user) && c.req.path.startsWith('/console');
  const back = inConsole ? sameSitePath(c.req.header('referer'), c.req.url) : undefined;
  return c.html(
    <Layout
      title={title}
      site={site}
      path={c.req.path}
      largeText={c.get('largeText')}
      script={c.get('script')}
      console={inConsole}
      user={inConsole ? user : undefined}
      csrf={inConsole ? c.get('csrfToken') : undefined}
    >
      <h1>{title}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      {inConsole ? (
        <p id="error-back">
          请用浏览器的“后退”返回上一页修改，已填写的内容仍在表单中
          {back ? (
            <>
              ；或<a href={back}>重新打开上一页</a>
            </>
          ) : null}
          。
        </p>
      ) : (
        <p>
          <a href="/">返回首页</a>
        </p>
      )}
    </Layout>,
    status,
  );
}

/** The path of a Referer on this site (never another origin's address), for a link back. */
function sameSitePath(referer: string | undefined, here: string): string | undefined {
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    const site = new URL(here);
    if (from.origin !== site.origin) return undefined;
    return safeLocalPath(`${from.pathname}${from.search}`, '') || undefined;
  } catch {
    return undefined;
  }
}

export function handleError(failure: unknown, c: Context<AppEnv>, site: string, log: (e: unknown) => void) {
  // Input a route checked with zod without parseInput is still bad input (400), never a crash (500).
  const error = failure instanceof z.ZodError ? inputError(failure) : failure;
  if (isAppError(error)) {
    if (error.code === 'unauthenticated' && c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    }
    return errorPage(c, STATUS_OF[error.code], error.message, site, error.code);
  }
  log(withoutValues(error));
  return errorPage(c, 500, '服务器处理请求时出现错误，已记录日志。请稍后重试，或联系网站管理员。', site);
}

/**
 * The same handler for a JSON API module on its own (its tests mount it without the whole site): the
 * production statuses and `{ error: { status, code, message } }`, whatever the module's Env.
 */
export function handleApiError(error: Error, c: Context): Response | Promise<Response> {
  return handleError(error, c as unknown as Context<AppEnv>, '', () => {});
}

/**
 * What the error log keeps of a failure: its kind, message and stack, never the values of a failed query
 * (Drizzle puts them in the message and in `params`: a NUL byte in the application form once logged the
 * applicant's ID number, phone and name). The database's own error is kept by its code and message.
 */
export function withoutValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const message = error.message.replace(/\nparams: [\s\S]*$/, '\nparams: [not logged]');
  const safe = new Error(message);
  safe.name = error.name;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  safe.stack = [`${error.name}: ${message}`, ...frames].join('\n');
  const cause = error.cause;
  if (cause instanceof Error) {
    safe.cause = { name: cause.name, code: (cause as { code?: unknown }).code, message: cause.message.slice(0, 300) };
  }
  return safe;
}
