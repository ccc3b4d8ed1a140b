/**
 * 督办 from the self-check (issue #17): a supervisor sends a unit of their subtree a notice listing what the
 * 检查指标自查 found on the day, with a date to reply by (INSPECTION_NOTICE_REPLY_DAYS later), through the
 * supervision notices (src/supervision/actions/notices.ts), audited there.
 */
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { addDays } from '../../law/dates.ts';
import { sendNotice } from '../../supervision/actions/notices.ts';
import { CARD_NAMES } from '../inspection.ts';
import { selfCheck } from '../self-check.ts';

/** Calendar days the unit has to answer a 督办 of the self-check (an office's usual week). */
export const INSPECTION_NOTICE_REPLY_DAYS = 7;

export async function sendInspectionNotice(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; agencyId: number },
) {
  // Permission before anything is read: a refusal tells nothing of another unit's card.
  requirePermission(input.user, 'supervision.read', input.agencyId);
  const today = deps.clock.today();
  const [unit] = await selfCheck(deps.db, [input.agencyId], today);
  if (!unit) throw new AppError('not_found', '没有这个单位');
  if (unit.card === 'green') throw new AppError('invalid_state', `${unit.agencyName}自查未发现问题，无需督办`);
  const body = [
    `经${today}检查指标自查（《政府网站与政务新媒体检查指标》，国办秘函〔2019〕19号），${unit.agencyName}为${CARD_NAMES[unit.card]}，发现以下问题，请于回复期限前整改并回复：`,
    ...unit.findings.map((f, i) => `${i + 1}. ${f.veto ? '【单项否决】' : ''}${f.message}`),
  ].join('\n');
  return sendNotice(deps, {
    user: input.user,
    toAgencyId: unit.agencyId,
    subject: `检查指标自查问题整改（${CARD_NAMES[unit.card]}）`,
    body,
    replyBy: addDays(today, INSPECTION_NOTICE_REPLY_DAYS),
  });
}
