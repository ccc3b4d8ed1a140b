/**
 * 督办 notices: a supervisor sends one to a unit of their subtree with a reply-by date; the unit replies.
 * Both audited; an overdue reply is derived from the date, never stored.
 */
import { eq } from 'drizzle-orm';
import { inScope, requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { supervisionNotices } from '../../db/schema/supervision.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';

export async function sendNotice(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; toAgencyId: number; subject: string; body: string; replyBy: string },
) {
  requirePermission(input.user, 'supervision.read', input.toAgencyId);
  if (input.toAgencyId === input.user.agencyId) throw new AppError('bad_input', '督办对象应为下级单位');
  const replyBy = parseDate(input.replyBy, '回复期限');
  if (replyBy <= deps.clock.today()) throw new AppError('bad_input', '回复期限应晚于今天');
  if (!input.subject.trim() || !input.body.trim()) throw new AppError('bad_input', '请填写督办事项和内容');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supervisionNotices)
      .values({
        fromAgencyId: input.user.agencyId,
        toAgencyId: input.toAgencyId,
        subject: input.subject.trim(),
        body: input.body.trim(),
        replyBy,
        sentBy: input.user.id,
        sentAt: deps.clock.now(),
      })
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'supervision.notice_sent',
      entityType: 'supervision_notice',
      entityId: row.id,
      agencyId: input.toAgencyId,
      data: { subject: row.subject, replyBy },
    });
    return row;
  });
}

export async function replyNotice(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; noticeId: number; reply: string },
) {
  if (input.reply.trim().length < 2) throw new AppError('bad_input', '请填写回复内容');
  return deps.db.transaction(async (tx) => {
    const [n] = await tx
      .select()
      .from(supervisionNotices)
      .where(eq(supervisionNotices.id, input.noticeId))
      .for('update');
    if (!n) throw new AppError('not_found', '督办事项不存在');
    if (input.user.role === 'supervisor' || !inScope(input.user, n.toAgencyId))
      throw new AppError('forbidden', '只有被督办单位可以回复');
    if (n.repliedAt) throw new AppError('invalid_state', '该督办事项已回复');
    const [row] = await tx
      .update(supervisionNotices)
      .set({ reply: input.reply.trim(), repliedBy: input.user.id, repliedAt: deps.clock.now() })
      .where(eq(supervisionNotices.id, n.id))
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'supervision.notice_replied',
      entityType: 'supervision_notice',
      entityId: n.id,
      agencyId: n.toAgencyId,
    });
    return row;
  });
}
