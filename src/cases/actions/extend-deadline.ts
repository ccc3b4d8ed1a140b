/**
 * 延长答复期限 (条例第三十三条第二款): “需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知
 * 申请人，延长的期限最长不得超过20个工作日” (2007: 15, 第二十四条第二款) — once, with the approval of the
 * head of the 政府信息公开工作机构, a length the head chooses up to that maximum, and the applicant told
 * before the first period ends (the day told is recorded).
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { regimeById } from '../../law/regimes.ts';
import { eventData } from '../events.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function extendDeadline(
  deps: CaseDeps,
  input: TransitionInput & { reason: string; days?: number; notifiedOn?: string },
) {
  if (!input.user) throw new AppError('forbidden', '延长答复期限须经政府信息公开工作机构负责人同意');
  if (input.reason.trim().length < 2) throw new AppError('bad_input', '请写明延期理由');
  const notifiedOn = input.notifiedOn ? parseDate(input.notifiedOn, '告知申请人日期') : null;
  return transition(
    deps,
    input,
    'extend',
    async (_tx, c) => {
      if (c.extended) throw new AppError('invalid_state', '答复期限已经延长过，不能再次延长');
      const regime = regimeById(c.regime);
      const days = input.days ?? regime.extensionDays;
      if (!Number.isInteger(days) || days < 1 || days > regime.extensionDays) {
        throw new AppError(
          'bad_input',
          `延长的期限应为1至${regime.extensionDays}个工作日（《条例》${regime.basis.extension}：最长不得超过${regime.extensionDays}个工作日）`,
        );
      }
      if (deps.clock.today() > c.firstDueOn) {
        throw new AppError(
          'invalid_state',
          `第一个答复期限（${c.firstDueOn}）已过，不能再延长；延期须在期限届满前告知申请人`,
        );
      }
      if (notifiedOn && (notifiedOn > deps.clock.today() || notifiedOn > c.firstDueOn || notifiedOn < c.receivedOn)) {
        throw new AppError(
          'bad_input',
          `告知申请人的日期应在收到申请（${c.receivedOn}）之后、第一个答复期限（${c.firstDueOn}）届满之前，且不晚于今天`,
        );
      }
      return {
        extended: true,
        extensionDays: days,
        extensionNotifiedOn: notifiedOn,
        extensionApprovedBy: input.user!.id,
        extendedOn: deps.clock.today(),
        auditData: eventData('extend', {
          reason: input.reason.trim(),
          approver: input.user!.displayName,
          days,
          notifiedOn,
        }),
      };
    },
    'case.approve_extension',
  );
}
