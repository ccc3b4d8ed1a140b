/**
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): a fee notice within the answer period;
 * payment within 20 working days of receiving the notice, else the application is deemed withdrawn (其他处理 2).
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function recordPayment(deps: CaseDeps, input: TransitionInput & { paidOn?: string }) {
  const paidOn = parseDate(input.paidOn ?? deps.clock.today(), '缴费日期');
  if (paidOn > deps.clock.today()) throw new AppError('bad_input', '缴费日期不能晚于今天');
  return transition(deps, input, 'record_payment', async (_tx, c) => {
    if (c.feeNoticeOn && paidOn < c.feeNoticeOn) throw new AppError('bad_input', '缴费日期早于发出收费通知的日期');
    if (c.feeDueOn && paidOn > c.feeDueOn) throw new AppError('invalid_state', `缴费期限（${c.feeDueOn}）已过`);
    return { state: 'received', feePaidOn: paidOn };
  });
}
