/**
 * 延长答复期限 (条例第三十三条第二款): at most 20 working days (15 under the 2007 regime), once, with the
 * approval of the head of the 政府信息公开工作机构, and the applicant told before the first period ends.
 */
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function extendDeadline(deps: CaseDeps, input: TransitionInput & { reason: string }) {
  if (!input.user) throw new AppError('forbidden', '延长答复期限须经政府信息公开工作机构负责人同意');
  if (input.reason.trim().length < 2) throw new AppError('bad_input', '请写明延期理由');
  return transition(
    deps,
    input,
    'extend',
    async (_tx, c) => {
      if (c.extended) throw new AppError('invalid_state', '答复期限已经延长过，不能再次延长');
      if (deps.clock.today() > c.firstDueOn) {
        throw new AppError(
          'invalid_state',
          `第一个答复期限（${c.firstDueOn}）已过，不能再延长；延期须在期限届满前告知申请人`,
        );
      }
      return {
        extended: true,
        extensionApprovedBy: input.user!.id,
        extendedOn: deps.clock.today(),
        auditData: { reason: input.reason.trim(), approver: input.user!.displayName },
      };
    },
    'case.approve_extension',
  );
}
