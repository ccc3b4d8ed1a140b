/**
 * 退回: the agency a case was transferred to, finding the information is not its own either, sends it back to
 * the agency that transferred it, with a reason, before signing for it. The case returns as it was: the first
 * agency's own receipt counts again (RECEIPT_ON_RETURN), since for the applicant the application never left
 * the agency they filed with.
 */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../../db/schema/audit.ts';
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

/** Which receipt counts after a 退回: the first agency's (its own 收到申请之日, 第三十一条). A choice, stated here. */
export const RECEIPT_ON_RETURN = 'first_agency_receipt' as const;

export const returnTransferSchema = z.object({
  reason: z.string().trim().min(4, '请写明退回的理由（如：该信息不由本机关制作或保存）').max(500),
});

export async function returnTransfer(deps: CaseDeps, input: TransitionInput & z.input<typeof returnTransferSchema>) {
  const parsed = returnTransferSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0].message;
    throw new AppError('bad_input', message, { fields: { reason: message } });
  }
  return transition(deps, input, 'return_transfer', async (tx, c) => {
    if (c.transferredFrom === null || c.signedForOn !== null)
      throw new AppError('invalid_state', '只有尚未签收的转办申请可以退回');
    const [transfer] = await tx
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'case'),
          eq(auditEvents.entityId, String(c.id)),
          eq(auditEvents.action, 'case.transfer'),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const firstReceivedOn = (transfer?.data as { firstReceivedOn?: string } | undefined)?.firstReceivedOn;
    return {
      agencyId: c.transferredFrom,
      receivedOn: firstReceivedOn ?? c.receivedOn,
      transferredFrom: null,
      handlerId: null,
      auditData: {
        reason: parsed.data.reason,
        fromAgencyId: c.agencyId,
        toAgencyId: c.transferredFrom,
        receivedOn: firstReceivedOn ?? c.receivedOn,
        receivedOnRule: RECEIPT_ON_RETURN,
      },
    };
  });
}
