/**
 * 撤回: the applicant withdraws an open application; it closes, counted under 其他处理·其他 in the 2021 table
 * (the 2007 table has no row for it).
 */
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

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
