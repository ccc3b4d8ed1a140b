/**
 * An announced year as an administrator enters it, checked before it is saved: every date a real date of
 * that year, no date both 放假 and 调休上班, 调休上班 only on a Saturday or Sunday.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { CalendarYear } from '../law/calendar.ts';
import { isWeekend, parseDate, yearOf } from '../law/dates.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const calendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(date),
  makeupWorkdays: z.array(date),
  notice: z.string().trim().min(1, '请填写通知的文号或标题'),
  names: z.record(z.string(), z.string()).optional(),
});

/** The problems of a year's data, in Chinese; empty when it may be saved. */
export function calendarYearProblems(input: CalendarYear): string[] {
  const parsed = calendarYearSchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '数据'}：${i.message}`);
  const { year, holidays, makeupWorkdays, names } = parsed.data;
  const problems: string[] = [];
  const checkDates = (dates: string[], what: string) => {
    const seen = new Set<string>();
    for (const d of dates) {
      try {
        parseDate(d, what);
      } catch {
        problems.push(`${what}“${d}”不是有效日期`);
        continue;
      }
      if (yearOf(d) !== year) problems.push(`${what}“${d}”不在${year}年内`);
      if (seen.has(d)) problems.push(`${what}“${d}”重复`);
      seen.add(d);
    }
    return seen;
  };
  const off = checkDates(holidays, '放假日期');
  const on = checkDates(makeupWorkdays, '调休上班日期');
  for (const d of on) {
    if (off.has(d)) problems.push(`${d}既是放假日又是调休上班日`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && !problems.some((p) => p.includes(`“${d}”不是`)) && !isWeekend(d)) {
      problems.push(`调休上班日期“${d}”不是周六或周日`);
    }
  }
  for (const d of Object.keys(names ?? {})) {
    if (!off.has(d) && !on.has(d)) problems.push(`节日名称的日期“${d}”既非放假日也非调休上班日`);
  }
  return problems;
}

/** The year normalized (sorted, trimmed), or AppError('bad_input') listing every problem. */
export function parseCalendarYear(input: CalendarYear): CalendarYear {
  const problems = calendarYearProblems(input);
  if (problems.length > 0) {
    throw new AppError('bad_input', `${input.year}年工作日历有误：${problems.join('；')}`, { problems });
  }
  return {
    year: input.year,
    holidays: [...input.holidays].sort(),
    makeupWorkdays: [...input.makeupWorkdays].sort(),
    notice: input.notice.trim(),
    names: input.names ?? {},
  };
}
