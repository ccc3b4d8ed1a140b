/**
 * 登录会话: the signed-in user sees where they are signed in (each session's start and expiry, this one marked)
 * and ends any of them (a computer left signed in). A session is named by the first 16 hex characters of its
 * token's hash: neither the token nor the whole hash leaves the server. Ending one is audited.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/auth.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';
import { hashToken } from '../session.ts';

const handleOf = (tokenHash: string) => tokenHash.slice(0, 16);

export async function listOwnSessions(db: Db, actor: SessionUser, currentToken?: string) {
  const current = currentToken ? hashToken(currentToken) : '';
  const rows = await db.select().from(sessions).where(eq(sessions.userId, actor.id)).orderBy(asc(sessions.createdAt));
  return rows.map((s) => ({
    handle: handleOf(s.tokenHash),
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    current: s.tokenHash === current,
  }));
}

export async function endOwnSession(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; handle: string }) {
  if (!/^[0-9a-f]{16}$/.test(input.handle)) throw new AppError('bad_input', '会话标识无效');
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.actor.id), like(sessions.tokenHash, `${input.handle}%`)))
      .returning({ userId: sessions.userId });
    if (gone.length === 0) throw new AppError('not_found', '该会话不存在或已结束');
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'auth.session_ended',
      entityType: 'user',
      entityId: input.actor.id,
      agencyId: input.actor.agencyId,
    });
  });
}
