/**
 * 催报: a supervisor reminds a unit of its subtree that its annual report of a year is not yet published
 * (《条例》第四十九条: 每年1月31日前). Sent as a 督办 notice (audited, replied to by the unit), to be answered
 * by the deadline, or within five days once it has passed.
 */
import type { SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { reportDeadline, submissionTiming } from '../../law/annual-report.ts';
import { addDays } from '../../law/dates.ts';
import { reportSeason } from '../report-season.ts';
import { sendNotice } from './notices.ts';

export async function urgeReport(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; agencyId: number; year: number },
) {
  const today = deps.clock.today();
  const season = await reportSeason(deps.db, input.user.agencyId, input.year, today);
  const unit = season.units.find((u) => u.agency.id === input.agencyId);
  if (!unit) throw new AppError('forbidden', '只能催报本级所属的单位');
  const timing = submissionTiming(input.year, today, unit.publishedOn);
  if (timing === 'on_time' || timing === 'late') throw new AppError('invalid_state', `${unit.agency.name}的报告已发布`);
  const deadline = reportDeadline(input.year);
  const replyBy = deadline > today ? deadline : addDays(today, 5);
  return sendNotice(deps, {
    user: input.user,
    toAgencyId: input.agencyId,
    subject: `催报：${input.year}年度政府信息公开工作年度报告`,
    body:
      timing === 'overdue'
        ? `贵单位${input.year}年度政府信息公开工作年度报告已逾期（应于${deadline}前提交并公布，《条例》第四十九条），请尽快报送并发布。`
        : `请于${deadline}前提交并公布贵单位${input.year}年度政府信息公开工作年度报告（《条例》第四十九条）。`,
    replyBy,
  });
}
