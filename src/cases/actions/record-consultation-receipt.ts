/**
 * The consulted party received the 征求意见书 (e.g. the EMS signing date): its 15 working days run from that
 * day (第三十二条, 第三十四条 “自收到征求意见书之日起15个工作日内”), and with them the longest the answer
 * period can be paused (第三十三条第三款).
 */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar-store/index.ts';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { consultationReplyDue } from '../../law/deadline.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function recordConsultationReceipt(
  deps: CaseDeps,
  input: TransitionInput & { consultationId: number; receivedOn: string },
) {
  const receivedOn = parseDate(input.receivedOn, '对方收到征求意见书日期');
  if (receivedOn > deps.clock.today()) throw new AppError('bad_input', '对方收到日期不能晚于今天');
  return transition(deps, input, 'record_consultation_receipt', async (tx, c) => {
    const [p] = await tx
      .select()
      .from(casePauses)
      .where(and(eq(casePauses.id, input.consultationId), eq(casePauses.caseId, c.id)));
    if (!p) throw new AppError('not_found', '没有这项征求意见');
    if (p.toOn) throw new AppError('invalid_state', '这项征求意见已收到答复');
    if (receivedOn < p.fromOn) throw new AppError('bad_input', `对方收到日期早于发出日期（${p.fromOn}）`);
    const replyDueOn = consultationReplyDue(receivedOn, await loadCalendar(tx));
    await tx.update(casePauses).set({ partyReceivedOn: receivedOn, replyDueOn }).where(eq(casePauses.id, p.id));
    return { auditData: { consultationId: p.id, party: p.party, partyReceivedOn: receivedOn, replyDueOn } };
  });
}
