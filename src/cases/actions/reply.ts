/**
 * 答复 with exactly one statutory outcome (条例第三十六条 and the leaves of the annual table), its legal
 * basis cited; or 撤回 by the applicant (counted under 其他处理 3 in the 2021 table).
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

export async function withdrawApplication(deps: CaseDeps, input: TransitionInput & { reason?: string }) {
  return transition(deps, input, 'withdraw', async (_tx, c) => ({
    state: 'withdrawn',
    // The 2007 table has no row for a withdrawal: such cases are neither completed nor answered there.
    outcome: c.regime === '2019' ? 'other.other' : null,
    outcomeBasis: '申请人主动撤回申请',
    closedOn: deps.clock.today(),
    auditData: { reason: input.reason ?? '' },
  }));
}
