/**
 * The calendar's first data: every year the `chinese-days` package knows (2004 onward), with the notice
 * of each year as provenance. The database keeps its own editable copy (src/calendar-store); an
 * administrator enters a newly announced year there.
 */
import { createRequire } from 'node:module';
import type { CalendarYear, WorkingCalendar } from './calendar.ts';
import { isWeekend } from './dates.ts';

const require = createRequire(import.meta.url);

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * 文号 of the annual notices that could be confirmed from a source quoted in
 * shared/spec/law-and-formats.md §6.2. Other years carry the notice's title only.
 */
const CONFIRMED_NOTICES: Record<number, string> = {
  2025: '国办发明电〔2024〕12号',
};

export const noticeTitle = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

export function seedCalendarYears(): CalendarYear[] {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const years = new Map<number, CalendarYear>();
  const yearOfEntry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      const number = CONFIRMED_NOTICES[year];
      y = {
        year,
        holidays: [],
        makeupWorkdays: [],
        notice: number ? `《${noticeTitle(year)}》（${number}）` : `《${noticeTitle(year)}》`,
        names: {},
      };
      years.set(year, y);
    }
    return y;
  };
  for (const [date, label] of Object.entries(data.holidays)) {
    const y = yearOfEntry(date);
    y.holidays.push(date);
    y.names![date] = label.split(',')[1] ?? label;
  }
  for (const [date, label] of Object.entries(data.workdays)) {
    if (!isWeekend(date)) continue;
    const y = yearOfEntry(date);
    y.makeupWorkdays.push(date);
    y.names![date] = `${label.split(',')[1] ?? label}调休上班`;
  }
  for (const y of years.values()) {
    y.holidays.sort();
    y.makeupWorkdays.sort();
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** A warning when the calendar lacks next year (the notice usually comes out in November). */
export function missingNextYearWarning(calendar: WorkingCalendar, today: string): string | null {
  const next = Number(today.slice(0, 4)) + 1;
  if (calendar.hasYear(next)) return null;
  return `工作日历尚未录入${next}年的节假日安排：跨入${next}年的办理期限将无法计算。请在国务院办公厅发布《${noticeTitle(next)}》后录入。`;
}
