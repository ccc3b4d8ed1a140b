/**
 * What the JSON APIs (src/cases/api.ts, src/catalog/api.ts) share: zod validation that fails as one
 * AppError naming the field, and the signed-in user the web's session middleware put on the context.
 */
import type { z } from 'zod';
import type { SessionUser } from './auth/roles.ts';
import { AppError } from './errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError('bad_input', `${issue.path.join('.') || '请求'}：${issue.message}`, { issues: r.error.issues });
  }
  return r.data;
}

export const signedInUser = (c: { get(key: 'user'): SessionUser | null }): SessionUser => {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', '请先登录');
  return user;
};
