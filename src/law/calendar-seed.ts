/**
 * The calendar's first data: every year the `chinese-days` package knows (2004 onward), with the notices
 * that fixed each year as provenance. The database keeps its own editable copy (src/calendar-store); an
 * administrator enters a newly announced year there.
 *
 * The dates come from `chinese-days`; three things are done to them, each traceable to a notice:
 * 1. CORRECTIONS: days the package gets wrong against the notice's text (checked by hand).
 * 2. Weekend days inside a 放假 period are added to `holidays` where the package leaves them out
 *    (e.g. 2015-09-05, 2024-06-08/09): the notices count them in the period (“放假公休”, “与周末连休”,
 *    “9月3日至5日调休放假，共3天”). Only names change: such a day is a rest day either way.
 * 3. Names: 清明节, 端午节, 中秋节 as the notices write them; a combined 国庆/中秋 break is named
 *    “中秋节、国庆节” or “国庆节、中秋节” in the order the notice uses (the earlier festival first).
 */
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import type { CalendarYear, WorkingCalendar } from './calendar.ts';
import { addDays, isWeekend } from './dates.ts';

const require = createRequire(import.meta.url);

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * 文号 of each year's 《国务院办公厅关于YYYY年部分节假日安排的通知》. Each was read from a copy of the
 * notice (gov.cn page, 国务院公报, wikisource, or a news reprint with the 文号 line), and for 2016–2026
 * also from two independent projects citing the gov.cn URLs. 2008 (…〔2007〕52号) was seen only in
 * third-party code, not in a copy of the notice. 2004 and 2005 could not be confirmed: those years carry
 * the notice's title only.
 */
export const NOTICE_NUMBERS: Readonly<Record<number, string>> = {
  2006: '国办发明电〔2005〕35号',
  2007: '国办发明电〔2006〕49号',
  2008: '国办发明电〔2007〕52号',
  2009: '国办发明电〔2008〕42号',
  2010: '国办发明电〔2009〕27号',
  2011: '国办发明电〔2010〕40号',
  2012: '国办发明电〔2011〕45号',
  2013: '国办发明电〔2012〕33号',
  2014: '国办发明电〔2013〕28号',
  2015: '国办发明电〔2014〕28号',
  2016: '国办发明电〔2015〕18号',
  2017: '国办发明电〔2016〕17号',
  2018: '国办发明电〔2017〕12号',
  2019: '国办发明电〔2018〕15号',
  2020: '国办发明电〔2019〕16号',
  2021: '国办发明电〔2020〕27号',
  2022: '国办发明电〔2021〕11号',
  2023: '国办发明电〔2022〕16号',
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国办发明电〔2025〕7号',
};

/** Later notices that changed a year's arrangement. */
const AMENDMENTS: Readonly<Record<number, string[]>> = {
  // 《国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》: 9月3日至5日放假, 9月6日上班.
  2015: ['国发明电〔2015〕1号'],
  // 《国务院办公厅关于调整2019年劳动节假期安排的通知》: 5月1日至4日放假, 4月28日、5月5日上班.
  2019: ['国办发明电〔2019〕3号'],
  // 《国务院办公厅关于延长2020年春节假期的通知》: 春节假期延长至2月2日 (2月1日 no longer worked). One
  // dataset gives this 文号 to another notice; two copies of the text carry it — treat as likely, not certain.
  2020: ['国办发明电〔2020〕1号'],
};

/** Where `chinese-days` disagrees with the notice's text. */
const CORRECTIONS: { date: string; kind: 'makeup'; name: string; why: string }[] = [
  // 国办发明电〔2005〕35号 (2006年): “将12月31日（星期六）、1月1日（星期日）两个公休日调至1月2日…，12月31日（星期六）上班”.
  { date: '2005-12-31', kind: 'makeup', name: '元旦', why: '国办发明电〔2005〕35号' },
];

const NAME_FIXES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export const noticeTitle = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** The provenance string of a year: its notice's 文号 (or title), amendments, and next year's notice for December days. */
function noticeOf(year: number, hasDecemberNewYear: boolean): string {
  const parts = [NOTICE_NUMBERS[year] ?? noticeTitle(year), ...(AMENDMENTS[year] ?? [])];
  if (hasDecemberNewYear) parts.push(`${NOTICE_NUMBERS[year + 1] ?? noticeTitle(year + 1)}（${year}年12月的元旦安排）`);
  return parts.join('、');
}

const festivalOf = (label: string) => {
  const name = label.split(',')[1] ?? label;
  return NAME_FIXES[name] ?? name;
};

export function seedCalendarYears(): CalendarYear[] {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const holidays = new Map<string, string>();
  const makeup = new Map<string, string>();
  for (const [date, label] of Object.entries(data.holidays)) holidays.set(date, festivalOf(label));
  for (const [date, label] of Object.entries(data.workdays)) if (isWeekend(date)) makeup.set(date, festivalOf(label));
  for (const c of CORRECTIONS) {
    holidays.delete(c.date);
    makeup.set(c.date, c.name);
  }
  fillWeekendsInsideBreaks(holidays, makeup);
  nameAutumnBreaks(holidays, makeup);

  const years = new Map<number, { holidays: string[]; makeupWorkdays: string[]; names: Record<string, string> }>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      y = { holidays: [], makeupWorkdays: [], names: {} };
      years.set(year, y);
    }
    return y;
  };
  for (const [date, name] of holidays) {
    yearOf(date).holidays.push(date);
    yearOf(date).names[date] = name;
  }
  for (const [date, name] of makeup) {
    yearOf(date).makeupWorkdays.push(date);
    yearOf(date).names[date] = name;
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => {
      const december = [...y.holidays, ...y.makeupWorkdays].some(
        (d) => d.slice(5, 7) === '12' && y.names[d] === '元旦',
      );
      return {
        year,
        holidays: y.holidays.sort(),
        makeupWorkdays: y.makeupWorkdays.sort(),
        notice: noticeOf(year, december),
        names: y.names,
      };
    });
}

/** Weekend days joined to a holiday (directly or through the other weekend day) belong to its break. */
function fillWeekendsInsideBreaks(holidays: Map<string, string>, makeup: Map<string, string>): void {
  const rest = (d: string) => isWeekend(d) && !makeup.has(d) && !holidays.has(d);
  const additions: [string, string][] = [];
  for (const [date, name] of holidays) {
    const year = date.slice(0, 4);
    for (const step of [-1, 1]) {
      for (let d = addDays(date, step); rest(d) && d.slice(0, 4) === year; d = addDays(d, step))
        additions.push([d, name]);
    }
  }
  for (const [d, name] of additions) if (!holidays.has(d)) holidays.set(d, name);
}

/**
 * A break holding both 10月1日 and 中秋 (from 2008, when 中秋 became a holiday) is named after both; so are
 * the 调休上班 days the package files under either festival that year.
 */
function nameAutumnBreaks(holidays: Map<string, string>, makeup: Map<string, string>): void {
  const dates = [...holidays.keys()].sort();
  let run: string[] = [];
  const flush = () => {
    const national = run.find((d) => d.slice(5) === '10-01');
    if (national && Number(run[0].slice(0, 4)) >= 2008) {
      const midAutumn = run.find((d) => {
        const lunar = chineseDays.getLunarDate(d);
        return lunar.lunarMon === 8 && lunar.lunarDay === 15 && !lunar.isLeap;
      });
      if (midAutumn) {
        const name = midAutumn < national ? '中秋节、国庆节' : '国庆节、中秋节';
        const year = national.slice(0, 4);
        for (const d of run) holidays.set(d, name);
        for (const [d, old] of makeup)
          if (d.slice(0, 4) === year && (old === '国庆节' || old === '中秋节')) makeup.set(d, name);
      }
    }
    run = [];
  };
  for (const d of dates) {
    if (run.length && addDays(run[run.length - 1], 1) !== d) flush();
    run.push(d);
  }
  flush();
}

/** A warning when the calendar lacks next year (the notice usually comes out in October–December). */
export function missingNextYearWarning(calendar: WorkingCalendar, today: string): string | null {
  const next = Number(today.slice(0, 4)) + 1;
  if (calendar.hasYear(next)) return null;
  return `工作日历尚未录入${next}年的节假日安排：跨入${next}年的办理期限按法定节假日暂定计算（未计调休）。请在国务院办公厅发布《${noticeTitle(next)}》后录入，暂定期限将重新计算。`;
}
