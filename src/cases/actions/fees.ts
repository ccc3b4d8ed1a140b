/**
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): a fee notice within the answer period;
 * payment within 20 working days of the notice, else the application is deemed withdrawn (其他处理 2).
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
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

export async function recordPayment(deps: CaseDeps, input: TransitionInput & { paidOn?: string }) {
  const paidOn = parseDate(input.paidOn ?? deps.clock.today(), '缴费日期');
  return transition(deps, input, 'record_payment', async (_tx, c) => {
    if (c.feeDueOn && paidOn > c.feeDueOn) throw new AppError('invalid_state', `缴费期限（${c.feeDueOn}）已过`);
    return { state: 'received', feePaidOn: paidOn };
  });
}

export async function lapseFee(deps: CaseDeps, input: TransitionInput) {
  return transition(deps, input, 'lapse_fee', async (_tx, c) => {
    if (!c.feeDueOn || deps.clock.today() <= c.feeDueOn)
      throw new AppError('invalid_state', `缴费期限（${c.feeDueOn}）尚未届满`);
    return {
      state: 'replied',
      outcome: 'other.fee_unpaid',
      outcomeBasis: '《政府信息公开信息处理费管理办法》：申请人逾期未缴纳信息处理费的，视为放弃申请',
      closedOn: deps.clock.today(),
    };
  });
}
