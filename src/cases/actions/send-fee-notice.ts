/**
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): a fee notice within the answer period;
 * the applicant pays “在收到收费通知次日起20个工作日内”, else the application is deemed withdrawn (其他处理 2).
 * The window runs from the applicant's RECEIPT of the notice: given here when known (handed over, e-mail),
 * or recorded later (record-fee-notice-receipt.ts); until then there is no payment deadline and no lapse.
 * Whether the wait stops the answer period is the named parameter FEE_WAIT_STOPS_CLOCK (src/law/case-clock.ts).
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { feePaymentDue } from '../../law/deadline.ts';
import { feeByCount, feeByPages } from '../../law/fees.ts';
import { eventData } from '../events.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export type FeeBasis = { mode: 'count'; priorInMonth: number; count: number } | { mode: 'pages'; pages: number };

export async function sendFeeNotice(
  deps: CaseDeps,
  input: TransitionInput & { basis: FeeBasis; noticeReceivedOn?: string },
) {
  const fee =
    input.basis.mode === 'count'
      ? feeByCount(input.basis.priorInMonth, input.basis.count)
      : feeByPages(input.basis.pages);
  if (fee.yuan <= 0) throw new AppError('bad_input', '按《信息处理费管理办法》本申请不收费');
  const today = deps.clock.today();
  const receivedOn = input.noticeReceivedOn ? parseDate(input.noticeReceivedOn, '申请人收到收费通知日期') : null;
  if (receivedOn && receivedOn !== today)
    throw new AppError('bad_input', '发出当日登记的收到日期应为今天；日后收到的，请在收到后登记');
  return transition(deps, input, 'send_fee_notice', async (tx, c) => {
    if (c.regime !== '2019') throw new AppError('invalid_state', '2019年5月15日前收到的申请不适用信息处理费');
    return {
      state: 'awaiting_fee',
      feeYuan: fee.yuan,
      feeNoticeOn: today,
      feeNoticeReceivedOn: receivedOn,
      feeDueOn: receivedOn ? feePaymentDue(receivedOn, await loadCalendar(tx)) : null,
      auditData: eventData('send_fee_notice', { fee, noticeReceivedOn: receivedOn }),
    };
  });
}
