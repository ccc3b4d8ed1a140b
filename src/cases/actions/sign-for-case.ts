/**
 * 签收: the agency a case was transferred to accepts it and handles it from now on. The day is recorded (default
 * today; not before the 转办, not in the future); the period keeps running from the 转办 day
 * (RECEIVED_ON_TRANSFER in ./transfer-case.ts), so signing late does not lengthen the applicant's wait.
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function signForCase(deps: CaseDeps, input: TransitionInput & { signedOn?: string }) {
  const today = deps.clock.today();
  const signedOn = parseDate(input.signedOn || today, '签收日期');
  if (signedOn > today) throw new AppError('bad_input', `签收日期（${signedOn}）不能晚于今天`);
  return transition(deps, input, 'sign_for', async (_tx, c) => {
    if (c.transferredFrom === null || c.signedForOn !== null)
      throw new AppError('invalid_state', '该申请不是待签收的转办申请');
    if (signedOn < c.receivedOn)
      throw new AppError('bad_input', `签收日期（${signedOn}）不能早于转办日期（${c.receivedOn}）`);
    return { signedForOn: signedOn, auditData: { signedOn, fromAgencyId: c.transferredFrom } };
  });
}
