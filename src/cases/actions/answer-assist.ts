/**
 * 协办答复: the agency asked for help answers the 协办函, once. Its staff see the request and the subject of the
 * application only, never the applicant's personal data (src/cases/assists.ts). Audited on the case's timeline.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { caseAssists } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';

export const answerAssistSchema = z.object({
  answer: z.string().trim().min(2, '请填写协办意见').max(5000),
});

export async function answerAssist(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; assistId: number } & z.input<typeof answerAssistSchema>,
) {
  const parsed = answerAssistSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0].message;
    throw new AppError('bad_input', message, { fields: { answer: message } });
  }
  return deps.db.transaction(async (tx) => {
    const [assist] = await tx.select().from(caseAssists).where(eq(caseAssists.id, input.assistId)).for('update');
    if (!assist) throw new AppError('not_found', `协办函不存在：${input.assistId}`);
    requirePermission(input.user, 'case.handle', assist.toAgencyId);
    if (assist.answeredOn) throw new AppError('invalid_state', `该协办函已于${assist.answeredOn}答复`);
    const today = deps.clock.today();
    const [answered] = await tx
      .update(caseAssists)
      .set({ answer: parsed.data.answer, answeredOn: today, answeredBy: input.user.id })
      .where(eq(caseAssists.id, assist.id))
      .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'case.assist_answered',
      entityType: 'case',
      entityId: assist.caseId,
      agencyId: assist.toAgencyId,
      data: { assistId: assist.id, answeredOn: today },
    });
    return answered;
  });
}
