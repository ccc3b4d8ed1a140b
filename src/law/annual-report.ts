/**
 * The annual report's calendar (《中华人民共和国政府信息公开条例》第四十九条: 县级以上人民政府部门应当在每年
 * 1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布).
 * A report covers a whole calendar year: it can be final, and so published, only once that year has ended.
 * Dates are calendar dates in China (YYYY-MM-DD, Asia/Shanghai).
 */

/** The last day to submit and publish the report of `year` (第四十九条: 每年1月31日前). */
export const reportDeadline = (year: number): string => `${year + 1}-01-31`;

/** The first day the report of `year` may be locked and published: the day after the year ends. */
export const firstPublishingDay = (year: number): string => `${year + 1}-01-01`;

/** Whether the report of `year` may be locked and published on `today`: only after the year has ended. */
export const mayPublishReport = (year: number, today: string): boolean => today >= firstPublishingDay(year);

/**
 * Where a unit stands with its report of `year` on `today`: published by the deadline (on_time), after it
 * (late), not yet published and not yet due (not_due), or not published past the deadline (overdue).
 */
export type SubmissionTiming = 'on_time' | 'late' | 'not_due' | 'overdue';

export function submissionTiming(year: number, today: string, publishedOn: string | null): SubmissionTiming {
  const deadline = reportDeadline(year);
  if (publishedOn !== null) return publishedOn <= deadline ? 'on_time' : 'late';
  return today <= deadline ? 'not_due' : 'overdue';
}

export const TIMING_NAMES: Record<SubmissionTiming, string> = {
  on_time: '按时',
  late: '逾期发布',
  not_due: '未到期',
  overdue: '逾期未发布',
};
