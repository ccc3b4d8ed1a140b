/**
 * 补正 (条例第三十条): an unclear application is sent back once, within 7 working days of receipt, with
 * what to correct and a deadline; the 20-day period restarts when the correction arrives; no correction
 * by the deadline without good reason closes the case as 视为放弃 (2021 table 其他处理 1).
 */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function receiveCorrection(deps: CaseDeps, input: TransitionInput & { receivedOn?: string }) {
  const receivedOn = parseDate(input.receivedOn ?? deps.clock.today(), '收到补正日期');
  return transition(deps, input, 'receive_correction', async (_tx, c) => {
    if (c.correctionRequestedOn && receivedOn < c.correctionRequestedOn)
      throw new AppError('bad_input', '收到补正的日期早于告知补正的日期');
    return { state: 'received', correctionReceivedOn: receivedOn };
  });
}
