/**
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): a fee notice within the answer period;
 * payment within 20 working days of the notice, else the application is deemed withdrawn (其他处理 2).
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { feePaymentDue } from '../../law/deadline.ts';
import { feeByCount, feeByPages } from '../../law/fees.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export type FeeBasis = { mode: 'count'; priorInMonth: number; count: number } | { mode: 'pages'; pages: number };

export async function sendFeeNotice(deps: CaseDeps, input: TransitionInput & { basis: FeeBasis }) {
  const fee =
    input.basis.mode === 'count'
      ? feeByCount(input.basis.priorInMonth, input.basis.count)
      : feeByPages(input.basis.pages);
  if (fee.yuan <= 0) throw new AppError('bad_input', '按《信息处理费管理办法》本申请不收费');
  return transition(deps, input, 'send_fee_notice', async (tx, c) => {
    if (c.regime !== '2019') throw new AppError('invalid_state', '2019年5月15日前收到的申请不适用信息处理费');
    const today = deps.clock.today();
    return {
      state: 'awaiting_fee',
      feeYuan: fee.yuan,
      feeNoticeOn: today,
      feeDueOn: feePaymentDue(today, await loadCalendar(tx)),
      auditData: { fee },
    };
  });
}
