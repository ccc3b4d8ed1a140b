/**
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): unpaid 20 working days after the applicant
 * received the notice, the application is deemed withdrawn (其他处理 2). Without the receipt date there is
 * no payment deadline yet, so no lapse.
 */
import { AppError } from '../../errors.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function lapseFee(deps: CaseDeps, input: TransitionInput) {
  return transition(deps, input, 'lapse_fee', async (_tx, c) => {
    if (!c.feeNoticeReceivedOn || !c.feeDueOn)
      throw new AppError('invalid_state', '尚未登记申请人收到收费通知的日期，缴费期限无从起算');
    if (deps.clock.today() <= c.feeDueOn) throw new AppError('invalid_state', `缴费期限（${c.feeDueOn}）尚未届满`);
    return {
      state: 'replied',
      outcome: 'other.fee_unpaid',
      outcomeBasis: '《政府信息公开信息处理费管理办法》：申请人逾期未缴纳信息处理费的，视为放弃申请',
      closedOn: deps.clock.today(),
    };
  });
}
