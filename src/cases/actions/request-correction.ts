/**
 * 补正 (条例第三十条): an unclear application is sent back once, within 7 working days of receipt, with
 * what to correct and a deadline; the 20-day period restarts when the correction arrives; no correction
 * by the deadline without good reason closes the case as 视为放弃 (2021 table 其他处理 1). “一次性告知”:
 * a second 补正 request is refused under the 2019 regime (ONE_CORRECTION_ONLY, src/law/case-clock.ts);
 * an application still unclear after its 补正 is answered 无法提供：补正后申请内容仍不明确.
 */
import { loadCalendar } from '../../calendar-store/index.ts';
import { AppError } from '../../errors.ts';
import { ONE_CORRECTION_ONLY } from '../../law/case-clock.ts';
import { parseDate } from '../../law/dates.ts';
import { correctionNoticeDue } from '../../law/deadline.ts';
import { eventData } from '../events.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';

export async function requestCorrection(deps: CaseDeps, input: TransitionInput & { deadline: string; what: string }) {
  const deadline = parseDate(input.deadline, '补正期限');
  return transition(deps, input, 'request_correction', async (tx, c) => {
    if (c.correctionRequestedOn && ONE_CORRECTION_ONLY[c.regime]) {
      throw new AppError(
        'invalid_state',
        `已于${c.correctionRequestedOn}告知补正：《条例》第三十条要求一次性告知申请人作出补正，不能再次要求补正；补正后申请内容仍不明确的，可答复“无法提供：补正后申请内容仍不明确”`,
      );
    }
    const today = deps.clock.today();
    if (deadline <= today) throw new AppError('bad_input', '补正期限应晚于今天');
    const noticeDue = c.regime === '2019' ? correctionNoticeDue(c.receivedOn, await loadCalendar(tx)) : null;
    return {
      state: 'awaiting_correction',
      correctionRequestedOn: today,
      correctionDeadline: deadline,
      auditData: eventData('request_correction', {
        what: input.what,
        deadline,
        noticeDue,
        late: noticeDue !== null && today > noticeDue,
      }),
    };
  });
}
