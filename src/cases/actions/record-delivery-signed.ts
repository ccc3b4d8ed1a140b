/**
 * 送达: the applicant's signing date, learned after the delivery was recorded (e.g. from the EMS tracking).
 */
import { and, eq } from 'drizzle-orm';
import { caseDeliveries } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

/** The applicant's signing date, learned after the delivery was recorded (e.g. from the EMS tracking). */
export async function recordDeliverySigned(
  deps: CaseDeps,
  input: TransitionInput & { deliveryId: number; signedOn: string },
) {
  const signedOn = parseDate(input.signedOn, '签收日期');
  if (signedOn > deps.clock.today()) throw new AppError('bad_input', '签收日期不能晚于今天');
  return transition(deps, input, 'record_delivery', async (tx, c) => {
    const [d] = await tx
      .select()
      .from(caseDeliveries)
      .where(and(eq(caseDeliveries.id, input.deliveryId), eq(caseDeliveries.caseId, c.id)));
    if (!d) throw new AppError('not_found', '没有这条送达记录');
    if (signedOn < d.sentOn) throw new AppError('bad_input', `签收日期早于交邮（送达）日期（${d.sentOn}）`);
    await tx.update(caseDeliveries).set({ signedOn }).where(eq(caseDeliveries.id, d.id));
    return { auditData: { deliveryId: d.id, signedOn, previousSignedOn: d.signedOn } };
  });
}
