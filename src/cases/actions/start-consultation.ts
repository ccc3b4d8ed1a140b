/**
 * 征求意见: a third party (第三十二条) or another agency (第三十四条) is asked; it has 15 working days to
 * answer; the time is not counted in the answer period (第三十三条第三款). Several may run at once.
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { consultationReplyDue } from '../../law/deadline.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function startConsultation(
  deps: CaseDeps,
  input: TransitionInput & { kind: 'third_party' | 'agency'; party: string; sentOn?: string },
) {
  const sentOn = parseDate(input.sentOn ?? deps.clock.today(), '发出征求意见书日期');
  if (!input.party.trim()) throw new AppError('bad_input', '请填写被征求意见的第三方或机关');
  return transition(deps, input, 'start_consultation', async (tx, c) => {
    const replyDueOn = consultationReplyDue(sentOn, await loadCalendar(tx));
    await tx
      .insert(casePauses)
      .values({ caseId: c.id, kind: input.kind, party: input.party.trim(), fromOn: sentOn, replyDueOn });
    return { state: 'consulting', auditData: { party: input.party, sentOn, replyDueOn } };
  });
}
