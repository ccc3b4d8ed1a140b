/**
 * 更正答复: a reply found wrong is corrected by a new reply letter (its own 文号, naming the one it replaces),
 * never edited in place: the old outcome, text and letter stay in the record, and the reason is required. The
 * answer date (closedOn) stays the first reply's: the applicant was answered then; the new letter is dated today.
 * The outcome counted in the annual report is the corrected one.
 */
import { AppError } from '../../errors.ts';
import { outcome } from '../../law/outcomes.ts';
import { latestLetter } from '../letters.ts';
import { type CaseDeps, type TransitionInput, transition } from '../transition.ts';
import { requireReasons } from './reply.ts';

export async function correctReply(
  deps: CaseDeps,
  input: TransitionInput & { outcome: string; text?: string; reason: string },
) {
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 4) {
    const message = '请写明更正答复的原因';
    throw new AppError('bad_input', message, { fields: { reason: message } });
  }
  return transition(deps, input, 'correct_reply', async (tx, c) => {
    const o = outcome(input.outcome, c.regime);
    if (o.code === 'other.no_correction' || o.code === 'other.fee_unpaid') {
      throw new AppError('bad_input', `“${o.label}”由补正或缴费期限届满自动产生，不能直接选择`);
    }
    requireReasons(o, input.text);
    const previous = await latestLetter(tx, c.id, 'reply');
    return {
      outcome: o.code,
      outcomeBasis: o.basis,
      replyText: input.text ?? null,
      auditData: {
        reason,
        previous: { outcome: c.outcome, text: c.replyText, letterNo: previous?.letterNo ?? null },
        outcome: o.code,
      },
    };
  });
}
