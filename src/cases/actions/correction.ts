/**
 * 补正 (条例第三十条): an unclear application is sent back once, within 7 working days of receipt, with
 * what to correct and a deadline; the 20-day period restarts when the correction arrives; no correction
 * by the deadline without good reason closes the case as 视为放弃 (2021 table 其他处理 1).
 */

import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { correctionNoticeDue } from '../../law/deadline.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function requestCorrection(deps: CaseDeps, input: TransitionInput & { deadline: string; what: string }) {
  const deadline = parseDate(input.deadline, '补正期限');
  return transition(deps, input, 'request_correction', async (tx, c) => {
    const today = deps.clock.today();
    if (deadline <= today) throw new AppError('bad_input', '补正期限应晚于今天');
    const noticeDue = c.regime === '2019' ? correctionNoticeDue(c.receivedOn, await loadCalendar(tx)) : null;
    return {
      state: 'awaiting_correction',
      correctionRequestedOn: today,
      correctionDeadline: deadline,
      auditData: { what: input.what, deadline, noticeDue, late: noticeDue !== null && today > noticeDue },
    };
  });
}

export async function receiveCorrection(deps: CaseDeps, input: TransitionInput & { receivedOn?: string }) {
  const receivedOn = parseDate(input.receivedOn ?? deps.clock.today(), '收到补正日期');
  return transition(deps, input, 'receive_correction', async (_tx, c) => {
    if (c.correctionRequestedOn && receivedOn < c.correctionRequestedOn)
      throw new AppError('bad_input', '收到补正的日期早于告知补正的日期');
    return { state: 'received', correctionReceivedOn: receivedOn };
  });
}

export async function lapseCorrection(deps: CaseDeps, input: TransitionInput) {
  return transition(deps, input, 'lapse_correction', async (_tx, c) => {
    if (!c.correctionDeadline || deps.clock.today() <= c.correctionDeadline) {
      throw new AppError('invalid_state', `补正期限（${c.correctionDeadline}）尚未届满`);
    }
    return {
      state: 'replied',
      outcome: 'other.no_correction',
      outcomeBasis: '《条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请',
      closedOn: deps.clock.today(),
    };
  });
}
