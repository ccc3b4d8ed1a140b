/**
 * What the JSON APIs (src/cases/api.ts, src/catalog/api.ts) share: zod validation that fails as one
 * AppError naming the field, and the signed-in user the web's session middleware put on the context.
 */
import { z } from 'zod';
import type { SessionUser } from './auth/roles.ts';
import { AppError } from './errors.ts';

// zod's own messages (too short, not one of the options…) in Chinese, as every form and API shows them.
z.config(z.locales.zhCN());

/** A refusal that names the first wrong field, in the words the user sees. */
export function inputError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError('bad_input', `${issue?.path.join('.') || '请求'}：${issue?.message ?? '内容有误'}`, {
    issues: error.issues,
  });
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw inputError(r.error);
  return r.data;
}

/**
 * A form's fields parsed: a refusal names each wrong field with its message (AppError details.fields), so a
 * page shows each message beside its field and the API names them too.
 */
export function parseFields<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  throw new AppError('bad_input', Object.values(fields)[0] ?? '内容有误', { fields, issues: r.error.issues });
}

export const signedInUser = (c: { get(key: 'user'): SessionUser | null }): SessionUser => {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', '请先登录');
  return user;
};
