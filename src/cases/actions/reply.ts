/**
 * 答复 with exactly one statutory outcome (条例第三十六条 and the leaves of the annual table), its legal
 * basis cited. (撤回: ./withdraw.ts.) The reply date decides which year's report counts the case, so it is
 * checked: a real date, not before the application was received, not in the future.
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { outcome } from '../../law/outcomes.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function replyToApplication(
  deps: CaseDeps,
  input: TransitionInput & { outcome: string; text?: string; repliedOn?: string },
) {
  const repliedOn = parseDate(input.repliedOn ?? deps.clock.today(), '答复日期');
  if (repliedOn > deps.clock.today()) throw new AppError('bad_input', `答复日期（${repliedOn}）不能晚于今天`);
  return transition(deps, input, 'reply', async (_tx, c) => {
    if (repliedOn < c.receivedOn) {
      throw new AppError('bad_input', `答复日期（${repliedOn}）不能早于收到申请的日期（${c.receivedOn}）`);
    }
    const o = outcome(input.outcome, c.regime);
    if (o.code === 'other.no_correction' || o.code === 'other.fee_unpaid') {
      throw new AppError('bad_input', `“${o.label}”由补正或缴费期限届满自动产生，不能直接选择`);
    }
    return {
      state: 'replied',
      outcome: o.code,
      outcomeBasis: o.basis,
      replyText: input.text ?? null,
      closedOn: repliedOn,
      auditData: { outcome: o.code, repliedOn },
    };
  });
}
