/**
 * 答复 with exactly one statutory outcome (条例第三十六条 and the leaves of the annual table), its legal
 * basis cited. (撤回: ./withdraw.ts.) The reply date decides which year's report counts the case, so it is
 * checked: a real date, not before the application was received, not in the future.
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type Outcome, outcome } from '../../law/outcomes.ts';
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
    requireReasons(o, input.text);
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

/** 说明理由: the outcomes the law says must be explained refuse a reply without its reasons (REASONS_REQUIRED). */
export function requireReasons(o: Outcome, text: string | undefined): void {
  if (o.reasonRequired && (text ?? '').trim().length < 4) {
    const message = `“${o.label}”须在答复中说明理由（${o.regime === '2019' ? '《条例》第三十六条第（三）项、第三十七条' : '2007年《条例》第二十一条第（二）项'}）`;
    throw new AppError('bad_input', message, { fields: { text: message } });
  }
}
