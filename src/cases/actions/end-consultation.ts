/**
 * 征求意见 answered: each consultation is its own (第三十二条 third party, 第三十四条 other agency) — an
 * answer closes only the consultation it answers; the case goes back to 办理中 when none is left open. An
 * answer after the party's 15 working days is recorded as it came; the clock counts the pause only to the
 * window's end (逾期未提出意见的, 第三十二条 由行政机关决定 / 第三十四条 视为同意; src/law/case-clock.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { casePauses } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function endConsultation(
  deps: CaseDeps,
  input: TransitionInput & { answeredOn?: string; consultationId?: number },
) {
  const answeredOn = parseDate(input.answeredOn ?? deps.clock.today(), '收到意见日期');
  if (answeredOn > deps.clock.today()) throw new AppError('bad_input', '收到意见的日期不能晚于今天');
  return transition(deps, input, 'end_consultation', async (tx, c) => {
    const open = await tx
      .select()
      .from(casePauses)
      .where(and(eq(casePauses.caseId, c.id), isNull(casePauses.toOn)));
    if (!open.length) throw new AppError('invalid_state', '没有进行中的征求意见');
    const p =
      input.consultationId === undefined
        ? open.length === 1
          ? open[0]
          : null
        : open.find((q) => q.id === input.consultationId);
    if (!p) {
      throw new AppError(
        'bad_input',
        input.consultationId === undefined
          ? `有${open.length}项征求意见尚未答复，请选择收到的是哪一项的意见`
          : '没有这项进行中的征求意见',
      );
    }
    if (answeredOn < p.fromOn) throw new AppError('bad_input', '收到意见的日期早于发出征求意见书的日期');
    await tx.update(casePauses).set({ toOn: answeredOn }).where(eq(casePauses.id, p.id));
    const stillOpen = open.length - 1;
    return {
      state: stillOpen ? 'consulting' : 'received',
      auditData: { consultationId: p.id, party: p.party, answeredOn, late: answeredOn > p.replyDueOn, stillOpen },
    };
  });
}
