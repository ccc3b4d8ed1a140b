/**
 * 修改密码: the signed-in user, with the current password, chooses a new one under the password rule
 * (src/auth/password.ts). Ends a must-change; the user's other sessions end. Audited ('user.password_changed').
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../password.ts';
import type { SessionUser } from '../roles.ts';
import { hashToken } from '../session.ts';
import { userForUpdate } from './user-by-id.ts';

export const changeOwnPasswordInput = z.object({
  current: z.string().max(200),
  next: z.string().max(200),
  repeat: z.string().max(200),
});

type Fields = Partial<Record<'current' | 'next' | 'repeat', string>>;
const refuse = (fields: Fields) => new AppError('bad_input', Object.values(fields)[0] ?? '内容有误', { fields });

export async function changeOwnPassword(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; sessionToken?: string; form: z.input<typeof changeOwnPasswordInput> },
): Promise<void> {
  const form = changeOwnPasswordInput.parse(input.form);
  if (form.next !== form.repeat) throw refuse({ repeat: '两次输入的新密码不一致' });
  if (form.next === form.current) throw refuse({ next: '新密码不能与当前密码相同' });
  const problem = passwordProblem(form.next, input.actor.username);
  if (problem) throw refuse({ next: problem });
  const passwordHash = await hashPassword(form.next);
  await deps.db.transaction(async (tx) => {
    const user = await userForUpdate(tx, input.actor.id);
    if (!(await verifyPassword(form.current, user.passwordHash))) throw refuse({ current: '当前密码不正确' });
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    // Sessions elsewhere (a shared computer, a stolen cookie) end; this one goes on.
    const others = input.sessionToken
      ? and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashToken(input.sessionToken)))
      : eq(sessions.userId, user.id);
    await tx.delete(sessions).where(others);
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
