/**
 * 《条例》第二十六条: “属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。
 * 法律、法规对政府信息公开的期限另有规定的，从其规定。” (2007 条例 第十八条: the same 20 working days.)
 * The period is data; the day of forming is not counted (law-and-formats.md §6.3).
 */
import type { WorkingCalendar } from '../law/calendar.ts';

export const PROACTIVE_PERIOD_WORKING_DAYS = 20;

export interface Timeliness {
  /** The last day to publish. */
  dueOn: string;
  /** Published after dueOn. */
  late: boolean;
}

/**
 * The deadline to publish information formed (or changed) on `formedOn`, and whether `publishedOn` met it.
 *
 * @example
 * proactiveTimeliness(calendar, '2025-09-26', '2025-10-31') // { dueOn: '2025-10-30', late: true }
 */
export function proactiveTimeliness(
  calendar: WorkingCalendar,
  formedOn: string,
  publishedOn: string,
  periodDays = PROACTIVE_PERIOD_WORKING_DAYS,
): Timeliness {
  const dueOn = calendar.addWorkingDays(formedOn, periodDays).date;
  return { dueOn, late: publishedOn > dueOn };
}

/** 政策解读 should go out with the policy (同步发布): flagged when published on another day. */
export function interpretationOutOfStep(policyPublishedOn: string | null, interpretationPublishedOn: string | null) {
  return (
    policyPublishedOn !== null && interpretationPublishedOn !== null && policyPublishedOn !== interpretationPublishedOn
  );
}
