/**
 * 答复 with exactly one statutory outcome (条例第三十六条 and the leaves of the annual table), its legal
 * basis cited. (撤回: ./withdraw.ts.)
 */
import { AppError } from '../../errors.ts';
import { outcome } from '../../law/outcomes.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function replyToApplication(
  deps: CaseDeps,
  input: TransitionInput & { outcome: string; text?: string; repliedOn?: string },
) {
  return transition(deps, input, 'reply', async (_tx, c) => {
    const o = outcome(input.outcome, c.regime);
    if (o.code === 'other.no_correction' || o.code === 'other.fee_unpaid') {
      throw new AppError('bad_input', `“${o.label}”由补正或缴费期限届满自动产生，不能直接选择`);
    }
    return {
      state: 'replied',
      outcome: o.code,
      outcomeBasis: o.basis,
      replyText: input.text ?? null,
      closedOn: input.repliedOn ?? deps.clock.today(),
      auditData: { outcome: o.code },
    };
  });
}
