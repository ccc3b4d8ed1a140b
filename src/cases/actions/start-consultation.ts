/**
 * 征求意见: a third party (第三十二条) or another agency (第三十四条) is asked; it has 15 working days from
 * ITS RECEIPT of the 征求意见书 (“自收到征求意见书之日起15个工作日内”) to answer; the time is not counted in
 * the answer period (第三十三条第三款). Several may run at once, each its own window. The receipt may be
 * given here (delivered by hand, e-mail read the same day) or later (record-consultation-receipt.ts);
 * until it is known the window is counted from sending, the earliest it can end.
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { consultationReplyDue } from '../../law/deadline.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function startConsultation(
  deps: CaseDeps,
  input: TransitionInput & {
    kind: 'third_party' | 'agency';
    party: string;
    sentOn?: string;
    partyReceivedOn?: string;
  },
) {
  const sentOn = parseDate(input.sentOn ?? deps.clock.today(), '发出征求意见书日期');
  const partyReceivedOn = input.partyReceivedOn ? parseDate(input.partyReceivedOn, '对方收到征求意见书日期') : null;
  if (partyReceivedOn && partyReceivedOn < sentOn) throw new AppError('bad_input', '对方收到日期早于发出日期');
  if (partyReceivedOn && partyReceivedOn > deps.clock.today())
    throw new AppError('bad_input', '对方收到日期不能晚于今天');
  if (!input.party.trim()) throw new AppError('bad_input', '请填写被征求意见的第三方或机关');
  return transition(deps, input, 'start_consultation', async (tx, c) => {
    if (sentOn < c.receivedOn) throw new AppError('bad_input', '发出征求意见书的日期早于收到申请的日期');
    const replyDueOn = consultationReplyDue(partyReceivedOn ?? sentOn, await loadCalendar(tx));
    const [row] = await tx
      .insert(casePauses)
      .values({
        caseId: c.id,
        kind: input.kind,
        party: input.party.trim(),
        fromOn: sentOn,
        partyReceivedOn,
        replyDueOn,
      })
      .returning({ id: casePauses.id });
    return {
      state: 'consulting',
      auditData: { consultationId: row.id, kind: input.kind, party: input.party, sentOn, partyReceivedOn, replyDueOn },
    };
  });
}
