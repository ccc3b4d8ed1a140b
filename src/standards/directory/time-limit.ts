/**
 * 公开时限 of a 标准目录 item, as structured data. The 目录 write them in a few shapes:
 *   - “信息形成或变更之日起20个工作日内” — working days from the day the information is formed or changed
 *     (the period of 《条例》第二十六条; the day of forming is not counted);
 *   - “本级人民代表大会或其常务委员会批准后20日内”, “项目批准后7日内” — calendar days from that event;
 *   - “每年6月底前”, “每年3月31日前” — a day in each year;
 *   - “在实地启动拟征收土地工作时…公开” — on the day the event happens (0 days; 征地补偿's 拟征收土地告知);
 *   - “实时公开”, “长期公开”, “永久公开”, “动态更新” — kept current from the day the unit answers for the item;
 *   - “及时公开” alone — no period of its own, so 第二十六条's 20 working days.
 * Anything else is `unparsed` (shown, not judged).
 */
import type { WorkingCalendar } from '../../law/calendar.ts';
import { addDays } from '../../law/dates.ts';

export type TimeLimit =
  | { kind: 'working_days'; days: number }
  | { kind: 'days'; days: number }
  | { kind: 'annual'; month: number; day: number }
  | { kind: 'continuous' }
  | { kind: 'unparsed'; text: string };

/** 《条例》第二十六条: 20 working days when the item gives no period of its own. */
export const DEFAULT_WORKING_DAYS = 20;

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** “20”, “二十”, “十五”, “３０” → a number; null when it is none. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return null;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]] : null;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

const NUM = '([0-9０-９]+|[一二两三四五六七八九十]+)';

/** “启动…时，” “作出…时”: at the moment of an event, not “及时” or “实时”. */
const AT_EVENT = /(?:启动|开始|发生|作出)[^，,。；;及实即]*时(?:[，,。；;]|$)/;

function lastDayOfMonth(month: number): number {
  // A fixed non-leap year: “2月底” is judged as the 28th (a leap year's 29th is one day more lenient at most).
  return new Date(Date.UTC(2001, month, 0)).getUTCDate();
}

/**
 * Reads a 公开时限 as written.
 *
 * @example
 * parseTimeLimit('信息形成或变更之日起20个工作日内') // { kind: 'working_days', days: 20 }
 * parseTimeLimit('每年6月底前') // { kind: 'annual', month: 6, day: 30 }
 */
export function parseTimeLimit(text: string): TimeLimit {
  const t = text.replace(/\s+/g, '');
  let m = new RegExp(`${NUM}个?工作日`).exec(t);
  if (m) {
    const days = parseNumber(m[1]);
    if (days) return { kind: 'working_days', days };
  }
  m = new RegExp(`每年(?:的)?${NUM}月(?:底|末|${NUM}日)(?:前|之前|以前|内)?`).exec(t);
  if (m) {
    const month = parseNumber(m[1]);
    if (month && month >= 1 && month <= 12) {
      const day = m[2] ? parseNumber(m[2]) : lastDayOfMonth(month);
      if (day && day >= 1 && day <= lastDayOfMonth(month)) return { kind: 'annual', month, day };
    }
  }
  m = new RegExp(`${NUM}个?(?:自然日|日|天)(?:内|以内|之内)`).exec(t);
  if (m) {
    const days = parseNumber(m[1]);
    if (days) return { kind: 'days', days };
  }
  if (AT_EVENT.test(t)) return { kind: 'days', days: 0 };
  if (/实时|长期|永久|动态更新|常态化|即时/.test(t)) return { kind: 'continuous' };
  if (/及时/.test(t)) return { kind: 'working_days', days: DEFAULT_WORKING_DAYS };
  return { kind: 'unparsed', text };
}

/** The time limit in words, for the page. */
export function describeTimeLimit(limit: TimeLimit): string {
  switch (limit.kind) {
    case 'working_days':
      return `形成或变更之日起${limit.days}个工作日内`;
    case 'days':
      return limit.days === 0 ? '事项发生当日' : `形成或批准之日起${limit.days}日内`;
    case 'annual':
      return `每年${limit.month}月${limit.day}日前`;
    case 'continuous':
      return '常态公开、动态更新';
    case 'unparsed':
      return `未能识别的时限：${limit.text}`;
  }
}

/**
 * The last day to publish information formed (or changed, or approved) on `formedOn` under an event-driven
 * limit; null for the annual, continuous and unparsed ones (their due day is not tied to one record).
 */
export function eventDueOn(limit: TimeLimit, formedOn: string, calendar: WorkingCalendar): string | null {
  if (limit.kind === 'working_days') return calendar.addWorkingDays(formedOn, limit.days).date;
  if (limit.kind === 'days') return addDays(formedOn, limit.days);
  return null;
}

/** An annual item's due day in `year`. */
export function annualDueOn(limit: { month: number; day: number }, year: number): string {
  return `${year}-${String(limit.month).padStart(2, '0')}-${String(limit.day).padStart(2, '0')}`;
}
