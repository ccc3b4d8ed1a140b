/**
 * 协办: the handling agency sends another agency of the same government a 协办函 (what it needs, answer by when),
 * numbered like every letter (../letters.ts). The clock does not stop: unlike 第三十四条's consultation of a
 * co-maker of the information, help asked of a colleague is the handling agency's own time.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { pathIds } from '../../agencies/tree.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { caseAssists } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写日期');

export const requestAssistSchema = z.object({
  toAgencyId: z.coerce.number().int().positive('请选择协办机关'),
  request: z.string().trim().min(4, '请写明需要协办的事项').max(2000),
  answerBy: day,
});

export async function requestAssist(deps: CaseDeps, input: TransitionInput & z.input<typeof requestAssistSchema>) {
  const parsed = requestAssistSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_input', issue.message, { fields: { [String(issue.path[0])]: issue.message } });
  }
  const { toAgencyId, request, answerBy } = parsed.data;
  const today = deps.clock.today();
  if (answerBy < today) {
    const message = '协办答复期限不能早于今天';
    throw new AppError('bad_input', message, { fields: { answerBy: message } });
  }
  return transition(deps, input, 'request_assist', async (tx, c) => {
    if (toAgencyId === c.agencyId) throw new AppError('bad_input', '不能请本机关协办');
    const [from] = await tx.select().from(agencies).where(eq(agencies.id, c.agencyId));
    const [to] = await tx.select().from(agencies).where(eq(agencies.id, toAgencyId));
    if (!to) throw new AppError('not_found', `机关不存在：${toAgencyId}`);
    if (!from || pathIds(from.path)[0] !== pathIds(to.path)[0])
      throw new AppError('bad_input', `${to.name}不属于本级政府，不能发协办函`);
    const [assist] = await tx
      .insert(caseAssists)
      .values({
        caseId: c.id,
        fromAgencyId: c.agencyId,
        toAgencyId,
        request,
        answerBy,
        sentOn: today,
        sentBy: input.user?.id ?? null,
      })
      .returning();
    return { auditData: { assistId: assist.id, toAgencyId, toAgency: to.name, request, answerBy } };
  });
}
