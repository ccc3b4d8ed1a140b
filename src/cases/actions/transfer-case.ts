/**
 * 转办: an application sent to an agency that does not hold the information goes, with a reason, to the agency
 * of the same government that does (before any other step: 补正, 征求意见, 收费 or 答复 bind the first agency).
 * The clock follows the receiving agency: its period runs from the day it receives the application
 * (条例第三十一条 counts from the agency's own receipt; PARAMETER: the receiving day is the day of 转办, the
 * record the platform holds, RECEIVED_ON_TRANSFER below). The 承办人 is cleared; the first agency and its
 * receipt stay in the audit event, so the applicant's history shows both. The receiving agency then 签收 (signs
 * for) or 退回 (sends it back) before anything else.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { pathIds } from '../../agencies/tree.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

/**
 * Which day counts as the receiving agency's receipt. The 条例 (第三十一条) counts from the day an agency
 * receives the application; a 转办 through the platform reaches it the day it is made. A later 签收 is recorded
 * (signedForOn) but does not move the period: a receiving office cannot lengthen the applicant's wait by
 * signing late.
 */
export const RECEIVED_ON_TRANSFER = 'transfer_day' as const;

export const transferCaseSchema = z.object({
  toAgencyId: z.coerce.number().int().positive('请选择转办的机关'),
  reason: z.string().trim().min(4, '请写明转办的理由（如：该信息由某局制作并保存）').max(500),
});

export async function transferCase(deps: CaseDeps, input: TransitionInput & z.input<typeof transferCaseSchema>) {
  const parsed = transferCaseSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_input', parsed.error.issues[0].message);
  const { toAgencyId, reason } = parsed.data;
  const today = deps.clock.today();
  return transition(deps, input, 'transfer', async (tx, c) => {
    if (toAgencyId === c.agencyId) throw new AppError('bad_input', '不能转办给本机关');
    if (toAgencyId === c.transferredFrom)
      throw new AppError('bad_input', '该申请由该机关转来：不属于本机关的，请“退回”而不是再转办');
    const [paused] = await tx
      .select({ id: casePauses.id })
      .from(casePauses)
      .where(eq(casePauses.caseId, c.id))
      .limit(1);
    if (c.extended || c.correctionRequestedOn || c.reasonableDueOn || paused)
      throw new AppError('invalid_state', '本机关已就该申请作出补正、征求意见或延期等办理步骤，不能再转办');
    const [from] = await tx.select().from(agencies).where(eq(agencies.id, c.agencyId));
    const [to] = await tx.select().from(agencies).where(eq(agencies.id, toAgencyId));
    if (!to) throw new AppError('not_found', `机关不存在：${toAgencyId}`);
    // Within one government's tree: the root 人民政府 of both is the same.
    if (!from || pathIds(from.path)[0] !== pathIds(to.path)[0])
      throw new AppError(
        'bad_input',
        `${to.name}不属于本级政府，不能转办；可答复申请人“不属于本机关负责公开”并告知有关机关`,
      );
    return {
      agencyId: to.id,
      receivedOn: today,
      handlerId: null,
      // Waits for the receiving agency's 签收 or 退回 (./sign-for-case.ts, ./return-transfer.ts).
      transferredFrom: c.agencyId,
      signedForOn: null,
      auditData: {
        fromAgencyId: c.agencyId,
        fromAgency: from.name,
        toAgencyId: to.id,
        toAgency: to.name,
        reason,
        firstReceivedOn: c.receivedOn,
        receivedOn: today,
        receivedOnRule: RECEIVED_ON_TRANSFER,
      },
    };
  });
}
