/**
 * 条例第三十五条: “申请人申请公开政府信息的数量、频次明显超过合理范围…行政机关认为申请理由合理，但是无法在本条例
 * 第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。” The agency sets a later date
 * (no statutory cap) and tells the applicant; the date replaces the statutory period in the clock. Only under
 * the 2019 regime (the 2007 条例 has no such article); approved like an extension, by the office head.
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function setReasonablePeriod(
  deps: CaseDeps,
  input: TransitionInput & { dueOn: string; reason: string; notifiedOn?: string },
) {
  if (!input.user) throw new AppError('forbidden', '确定合理答复期限须经政府信息公开工作机构负责人同意');
  const dueOn = parseDate(input.dueOn, '合理答复期限');
  const notifiedOn = parseDate(input.notifiedOn ?? deps.clock.today(), '告知申请人日期');
  if (input.reason.trim().length < 2) throw new AppError('bad_input', '请写明申请人说明的理由及认定其合理的依据');
  if (notifiedOn > deps.clock.today()) throw new AppError('bad_input', '告知申请人的日期不能晚于今天');
  return transition(
    deps,
    input,
    'set_reasonable_period',
    async (_tx, c) => {
      if (c.regime !== '2019') throw new AppError('invalid_state', '2007年《条例》没有第三十五条的规定');
      if (c.reasonableDueOn) throw new AppError('invalid_state', `已确定合理答复期限（${c.reasonableDueOn}）`);
      if (dueOn <= c.dueOn) {
        throw new AppError('bad_input', `合理答复期限应晚于法定答复期限（${c.dueOn}）`);
      }
      return {
        reasonableDueOn: dueOn,
        reasonableSetOn: notifiedOn,
        reasonableReason: input.reason.trim(),
        auditData: { dueOn, notifiedOn, reason: input.reason.trim(), statutoryDueOn: c.dueOn },
      };
    },
    'case.approve_extension',
  );
}
