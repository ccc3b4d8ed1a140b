/**
 * 新增用户 by a 系统管理员: the account gets a one-time password, shown once to the administrator, which the
 * user must change at the first sign-in. Audited ('user.created').
 */
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { roles } from '../../db/schema/auth.ts';
import { createUser } from '../create-user.ts';
import type { SessionUser } from '../roles.ts';
import { requireAdmin } from './admin-only.ts';
import { oneTimePassword } from './one-time-password.ts';

export const addUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,64}$/, '用户名只能由字母、数字、下划线、点、连字符组成（2—64位）'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过40字'),
  agencyId: z.coerce.number().int('请选择所属机关').positive('请选择所属机关'),
  role: z.enum(roles, { message: '请选择角色' }),
});

export async function addUser(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; user: unknown }) {
  requireAdmin(input.actor);
  const data = parseFields(addUserInput, input.user);
  const password = oneTimePassword();
  const user = await createUser(deps, { ...data, actorId: input.actor.id, password, mustChangePassword: true });
  return { user, oneTimePassword: password };
}
