/**
 * 补正 (条例第三十条): an unclear application is sent back once, within 7 working days of receipt, with
 * what to correct and a deadline; the 20-day period restarts when the correction arrives; no correction
 * by the deadline without good reason closes the case as 视为放弃 (2021 table 其他处理 1).
 */
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function lapseCorrection(deps: CaseDeps, input: TransitionInput) {
  return transition(deps, input, 'lapse_correction', async (_tx, c) => {
    if (!c.correctionDeadline || deps.clock.today() <= c.correctionDeadline) {
      throw new AppError('invalid_state', `补正期限（${c.correctionDeadline}）尚未届满`);
    }
    return {
      state: 'replied',
      outcome: 'other.no_correction',
      outcomeBasis: '《条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请',
      closedOn: deps.clock.today(),
    };
  });
}
