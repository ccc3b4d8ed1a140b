/**
 * The applicant received the 收费通知 (e.g. the EMS signing date): the 20 working days to pay run from the
 * next day (《政府信息公开信息处理费管理办法》 as applied by provincial notices: “在收到收费通知次日起20个工作日内”;
 * article number [UNCONFIRMED], law-and-formats.md §5).
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { feePaymentDue } from '../../law/deadline.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function recordFeeNoticeReceipt(deps: CaseDeps, input: TransitionInput & { receivedOn: string }) {
  const receivedOn = parseDate(input.receivedOn, '申请人收到收费通知日期');
  if (receivedOn > deps.clock.today()) throw new AppError('bad_input', '收到日期不能晚于今天');
  return transition(deps, input, 'record_fee_notice_receipt', async (tx, c) => {
    if (c.feeNoticeOn && receivedOn < c.feeNoticeOn)
      throw new AppError('bad_input', `收到日期早于发出收费通知的日期（${c.feeNoticeOn}）`);
    const feeDueOn = feePaymentDue(receivedOn, await loadCalendar(tx));
    return { feeNoticeReceivedOn: receivedOn, feeDueOn, auditData: { noticeReceivedOn: receivedOn, feeDueOn } };
  });
}
