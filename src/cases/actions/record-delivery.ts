/**
 * 送达: how the reply reached the applicant. 国办公开办函〔2016〕235号 (as issue 13 quotes it; the text is not
 * in law-and-formats.md — [SECONDARY]): a reply goes by post, the agency paying (never 到付); for a postal
 * reply the answer date is the day it was posted (交邮日期), which is what decides whether it was on time;
 * the office keeps the EMS or registered-mail number and the applicant's signing date.
 * So: a postal delivery needs its tracking number and posting date, and the first one sets the case's
 * answer date (closedOn) to the posting date — audited with the date it replaces. The signing date may be
 * given then or recorded later (./record-delivery-signed.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { caseDeliveries, type DeliveryMethod, deliveryMethods, POSTAL_METHODS } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

/** UPU S10 (EA123456789CN) or a domestic number of 10–15 digits. */
const TRACKING = /^(?:[A-Z]{2}\d{9}[A-Z]{2}|\d{10,15})$/;

export async function recordDelivery(
  deps: CaseDeps,
  input: TransitionInput & { method: string; sentOn: string; trackingNumber?: string; signedOn?: string },
) {
  if (!(deliveryMethods as readonly string[]).includes(input.method)) throw new AppError('bad_input', '请选择送达方式');
  const method = input.method as DeliveryMethod;
  const postal = POSTAL_METHODS.includes(method);
  const sentOn = parseDate(input.sentOn, postal ? '交邮日期' : '送达日期');
  const signedOn = input.signedOn ? parseDate(input.signedOn, '签收日期') : null;
  const trackingNumber = input.trackingNumber?.trim().toUpperCase() || null;
  const today = deps.clock.today();
  if (sentOn > today) throw new AppError('bad_input', `${postal ? '交邮' : '送达'}日期不能晚于今天`);
  if (signedOn && (signedOn < sentOn || signedOn > today))
    throw new AppError('bad_input', '签收日期应在交邮（送达）日期之后，且不晚于今天');
  if (postal && !trackingNumber) throw new AppError('bad_input', '邮寄送达请填写邮件号码（如EMS单号）');
  if (trackingNumber && !TRACKING.test(trackingNumber))
    throw new AppError('bad_input', `邮件号码“${trackingNumber}”格式不正确（如 EA123456789CN 或10至15位数字）`);
  return transition(deps, input, 'record_delivery', async (tx, c) => {
    if (sentOn < c.receivedOn) throw new AppError('bad_input', '送达日期早于收到申请的日期');
    const earlier = await tx
      .select({ id: caseDeliveries.id })
      .from(caseDeliveries)
      .where(and(eq(caseDeliveries.caseId, c.id), inArray(caseDeliveries.method, [...POSTAL_METHODS])));
    const [row] = await tx
      .insert(caseDeliveries)
      .values({
        caseId: c.id,
        method,
        trackingNumber,
        sentOn,
        signedOn,
        recordedBy: input.user?.id ?? null,
        recordedAt: deps.clock.now(),
      })
      .returning();
    // The first postal delivery fixes the answer date: the day it was posted.
    const answerDate = postal && earlier.length === 0 && c.closedOn !== sentOn ? { closedOn: sentOn } : {};
    return {
      ...answerDate,
      auditData: {
        deliveryId: row.id,
        method,
        trackingNumber,
        sentOn,
        signedOn,
        ...('closedOn' in answerDate ? { answerDateFrom: c.closedOn, answerDateTo: sentOn } : {}),
      },
    };
  });
}
