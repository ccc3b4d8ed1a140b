/**
 * The statutory holidays of 《全国年节及纪念日放假办法》第二条, computed for any year (lunar dates and 清明
 * from `chinese-days`' astronomical tables, which run to 2100), for a year whose State Council notice
 * (《国务院办公厅关于YYYY年部分节假日安排的通知》) is not yet entered. law-and-formats.md §6.4 [DECISION]:
 * the duty to receive and answer an application (第二十九条, 第三十一条, 第三十三条) does not wait for the
 * notice, so such a year is counted on a PROVISIONAL calendar — weekends plus these days — shown as 暂定 and
 * recomputed when the notice is entered.
 */
import chineseDays from 'chinese-days';
import type { CalendarYear } from './calendar.ts';
import { addDays } from './dates.ts';

/**
 * Which text of the 放假办法 fixes a year's holidays (law-and-formats.md §6.1):
 * - from 2025: 2024-11-10 国务院决定 (第四次修订) [OFFICIAL]: 元旦1, 春节4 (农历除夕、正月初一至初三), 清明1,
 *   劳动节2 (5月1日、2日), 端午1, 中秋1, 国庆3 (10月1日至3日) — 13 days.
 * - 2014–2024: 2013-12-11 修订 [OFFICIAL]: 春节3 (正月初一至初三), 劳动节1, otherwise the same — 11 days.
 * - 2008–2013: 2007-12-14 修订: 春节3 = 农历除夕、正月初一、初二 — [UNCONFIRMED] (§6.1, §7 item 8).
 * Before 2008 no provisional calendar is made: the 2007 条例 took effect 2008-05-01 and the seed holds 2004 on.
 */
export const HOLIDAY_RULES = [
  {
    from: 2025,
    basis: '《全国年节及纪念日放假办法》（2024年11月10日修订）第二条',
    springEve: true,
    springDays: 3,
    mayDays: 2,
  },
  {
    from: 2014,
    basis: '《全国年节及纪念日放假办法》（2013年12月11日修订）第二条',
    springEve: false,
    springDays: 3,
    mayDays: 1,
  },
  // [UNCONFIRMED] 除夕、初一、初二: only seen in code comments (law-and-formats.md §6.1).
  {
    from: 2008,
    basis: '《全国年节及纪念日放假办法》（2007年12月14日修订）第二条',
    springEve: true,
    springDays: 2,
    mayDays: 1,
  },
] as const;

/** The first year a provisional calendar is made for. */
export const FIRST_PROVISIONAL_YEAR = 2008;

/**
 * [DECISION] 第六条 (a holiday falling on a Saturday or Sunday is made up on a working day) is NOT applied
 * provisionally: which working day is given is fixed by the year's notice together with its 调休. Leaving
 * it out can only make a provisional date earlier, never later. 调休 (bridge days off, weekend days worked)
 * is not guessed either (law-and-formats.md §6.4: “no 调休, since only the notice fixes those”); it can move
 * the final date either way by a day or two around a long break, which is why such dates are shown 暂定 and
 * recomputed, with what changed audited, when the notice is entered.
 */
export const PROVISIONAL_APPLIES_SUBSTITUTE_DAYS = false;

const lunar = (year: number, month: number, day: number) =>
  chineseDays.getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;

/** 清明 is the day of the solar term 清明 (“农历清明当日”). */
const qingming = (year: number) => chineseDays.getSolarTermDate(year, 4, 'pure_brightness');

/** The holidays of 第二条 for `year` (dates → names), or null before the first provisional year. */
export function statutoryHolidays(year: number): { basis: string; names: Record<string, string> } | null {
  const rule = HOLIDAY_RULES.find((r) => year >= r.from);
  if (!rule) return null;
  const names: Record<string, string> = {};
  const put = (date: string, name: string) => {
    if (date.startsWith(`${year}-`))
      names[date] = names[date] && names[date] !== name ? `${names[date]}、${name}` : name;
  };
  put(`${year}-01-01`, '元旦');
  const newYear = lunar(year, 1, 1);
  if (rule.springEve) put(addDays(newYear, -1), '春节');
  for (let i = 0; i < rule.springDays; i++) put(addDays(newYear, i), '春节');
  put(qingming(year), '清明节');
  for (let i = 1; i <= rule.mayDays; i++) put(`${year}-05-0${i}`, '劳动节');
  put(lunar(year, 5, 5), '端午节');
  put(lunar(year, 8, 15), '中秋节');
  for (let i = 1; i <= 3; i++) put(`${year}-10-0${i}`, '国庆节');
  return { basis: rule.basis, names };
}

/** What a provisional year cites in place of the notice. */
export const provisionalNotice = (year: number, basis: string) =>
  `${basis}（暂定：尚无《国务院办公厅关于${year}年部分节假日安排的通知》，未计调休）`;

/** A provisional CalendarYear for `year`: the 第二条 holidays, no 调休上班 days. */
export function provisionalCalendarYear(year: number): CalendarYear | null {
  const holidays = statutoryHolidays(year);
  if (!holidays) return null;
  return {
    year,
    holidays: Object.keys(holidays.names).sort(),
    makeupWorkdays: [],
    notice: provisionalNotice(year, holidays.basis),
    names: holidays.names,
    provisional: true,
  };
}
