/**
 * 征求意见: a third party (第三十二条) or another agency (第三十四条) is asked; it has 15 working days to
 * answer; the time is not counted in the answer period (第三十三条第三款). Several may run at once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function endConsultation(deps: CaseDeps, input: TransitionInput & { answeredOn?: string }) {
  const answeredOn = parseDate(input.answeredOn ?? deps.clock.today(), '收到意见日期');
  return transition(deps, input, 'end_consultation', async (tx, c) => {
    const open = await tx
      .select()
      .from(casePauses)
      .where(and(eq(casePauses.caseId, c.id), isNull(casePauses.toOn)));
    if (!open.length) throw new AppError('invalid_state', '没有进行中的征求意见');
    for (const p of open) {
      if (answeredOn < p.fromOn) throw new AppError('bad_input', '收到意见的日期早于发出征求意见书的日期');
      // An answer after the 15 days: the pause ends when the window lapsed (逾期未提出意见的视为同意).
      const to = answeredOn > p.replyDueOn ? p.replyDueOn : answeredOn;
      await tx.update(casePauses).set({ toOn: to }).where(eq(casePauses.id, p.id));
    }
    return { state: 'received', auditData: { answeredOn } };
  });
}
