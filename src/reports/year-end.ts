/** A report's figures are final only after its year has ended: locking and publishing wait until then. */
import { AppError } from '../errors.ts';
import { firstPublishingDay, mayPublishReport } from '../law/annual-report.ts';

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Throws when `now` (Asia/Shanghai) is still within `year`; drafts stay editable. */
export function refuseBeforeYearEnds(year: number, now: Date, verb: '锁定' | '发布'): void {
  if (mayPublishReport(year, shanghaiDate.format(now))) return;
  throw new AppError(
    'invalid_state',
    `${year}年度尚未结束，报告自${firstPublishingDay(year)}起方可${verb}（《条例》第四十九条：每年1月31日前公布上一年度报告）；草稿可以继续编辑。`,
  );
}
