/**
 * The lifecycle of an application, in one place: which action may run in which state, and where it
 * leads. Overdue is not a state: it is derived from the clock (isOverdue, src/law/case-clock.ts).
 *
 *   received ──补正告知──► awaiting_correction ──收到补正──► received (period restarts, 第三十条)
 *      │                        └──逾期未补正──► replied, outcome other.no_correction (视为放弃)
 *      ├──征求意见──► consulting ──意见返回──► received        (time not counted, 第三十二条/第三十四条)
 *      ├──收费通知──► awaiting_fee ──缴费──► received          (未缴 → other.fee_unpaid)
 *      ├──答复──► replied (one statutory outcome)
 *      └──撤回──► withdrawn
 */
import type { CaseState } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';

export type CaseAction =
  | 'request_correction'
  | 'receive_correction'
  | 'lapse_correction'
  | 'start_consultation'
  | 'end_consultation'
  | 'extend'
  | 'send_fee_notice'
  | 'record_payment'
  | 'lapse_fee'
  | 'reply'
  | 'withdraw'
  | 'record_consultation_receipt'
  | 'record_fee_notice_receipt'
  | 'set_reasonable_period'
  | 'record_delivery'
  | 'transfer'
  | 'correct_reply'
  | 'sign_for'
  | 'return_transfer'
  | 'request_assist';

const ALLOWED: Record<CaseAction, CaseState[]> = {
  request_correction: ['received'],
  receive_correction: ['awaiting_correction'],
  lapse_correction: ['awaiting_correction'],
  start_consultation: ['received', 'consulting'],
  end_consultation: ['consulting'],
  extend: ['received', 'consulting'],
  send_fee_notice: ['received'],
  record_payment: ['awaiting_fee'],
  lapse_fee: ['awaiting_fee'],
  reply: ['received', 'consulting'],
  withdraw: ['received', 'awaiting_correction', 'consulting', 'awaiting_fee'],
  record_consultation_receipt: ['consulting'],
  record_fee_notice_receipt: ['awaiting_fee'],
  set_reasonable_period: ['received', 'consulting'],
  record_delivery: ['replied'],
  // 转办 before any other step (src/cases/actions/transfer-case.ts).
  transfer: ['received'],
  // 更正答复: a new reply letter replacing the old, which is kept (src/cases/actions/correct-reply.ts).
  correct_reply: ['replied'],
  // 签收 or 退回 of a case transferred here (src/cases/actions/sign-for-case.ts, return-transfer.ts).
  sign_for: ['received'],
  return_transfer: ['received'],
  // 协办函 to another agency while the case is being handled (src/cases/actions/request-assist.ts).
  request_assist: ['received', 'consulting', 'awaiting_correction', 'awaiting_fee'],
};

export const STATE_NAMES: Record<CaseState, string> = {
  received: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  replied: '已答复',
  withdrawn: '已撤回',
};

export const ACTION_NAMES: Record<CaseAction, string> = {
  request_correction: '告知补正',
  receive_correction: '收到补正',
  lapse_correction: '逾期未补正',
  start_consultation: '征求意见',
  end_consultation: '收到意见',
  extend: '延长答复期限',
  send_fee_notice: '发出收费通知',
  record_payment: '收到缴费',
  lapse_fee: '逾期未缴费',
  reply: '答复',
  withdraw: '申请人撤回',
  record_consultation_receipt: '登记被征求意见方收到日期',
  record_fee_notice_receipt: '登记申请人收到收费通知日期',
  set_reasonable_period: '确定合理答复期限（第三十五条）',
  record_delivery: '登记送达',
  transfer: '转办',
  correct_reply: '更正答复',
  sign_for: '签收',
  return_transfer: '退回',
  request_assist: '发出协办函',
};

export const isClosed = (state: CaseState) => state === 'replied' || state === 'withdrawn';

export function assertAllowed(action: CaseAction, state: CaseState): void {
  if (!ALLOWED[action].includes(state)) {
    throw new AppError('invalid_state', `当前状态为“${STATE_NAMES[state]}”，不能${ACTION_NAMES[action]}`);
  }
}

export function allowedActions(state: CaseState): CaseAction[] {
  return (Object.keys(ALLOWED) as CaseAction[]).filter((a) => ALLOWED[a].includes(state));
}

/**
 * 逾期 and 临期: one definition for every reader, the statute's (src/law/case-clock.ts): the clock must be
 * running — a case waiting for its 补正 (第三十条) or for its fee is never 逾期.
 */
export { isDueSoon, isOverdue } from '../law/case-clock.ts';
