/**
 * China's working-day calendar as data. A 工作日 is a weekday that is not a holiday of the year's notice,
 * or a weekend day the notice makes a working day (调休上班). Each year carries the State Council notice
 * that fixed it (《国务院办公厅关于YYYY年部分节假日安排的通知》) as provenance. A date in a year the
 * calendar does not hold is an error naming the year — unless the calendar is built with
 * `{ provisional: true }` (as the platform's is): then that year is counted on the statutory holidays of
 * 《全国年节及纪念日放假办法》 with no 调休 (statutory-holidays.ts, law-and-formats.md §6.4), and every day of it
 * says so (`provisional: true`), so nothing waits for the notice.
 *
 * Counting rules: law-and-formats.md §6.3 ([DERIVED]; that 调休上班日 count as 工作日 is the natural
 * reading, not stated by an authoritative text — [UNCONFIRMED]).
 */
import { AppError } from '../errors.ts';
import { isWeekend, nextDay, yearOf } from './dates.ts';
import { provisionalCalendarYear } from './statutory-holidays.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarYear {
  year: number;
  /** Every 放假 day of the year, weekend days inside a holiday period included. */
  holidays: string[];
  /** Weekend days the notice makes working days (调休上班). */
  makeupWorkdays: string[];
  /** The notice's 文号 or title. */
  notice: string;
  /** date → 节日名 (春节, 国庆节 …). */
  names?: Record<string, string>;
  /** Computed from the 放假办法 because the year's notice is not entered: every date counted on it is 暂定. */
  provisional?: boolean;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayKind {
  working: boolean;
  reason: DayReason;
  holiday?: string;
  notice?: string;
  /** The day's year has no notice yet: counted on the provisional calendar. */
  provisional?: boolean;
}

export interface SkippedDay {
  date: string;
  reason: string;
}

export class WorkingCalendar {
  /** Memo of dayKind: a calendar is immutable once built, and deadlines walk the same days again and again. */
  private readonly kinds = new Map<string, DayKind>();
  /** The day after each day counted so far: a map lookup instead of date arithmetic in the counting loop. */
  private readonly successors = new Map<string, string>();
  private readonly byYear = new Map<number, { holidays: Set<string>; makeup: Set<string>; year: CalendarYear }>();
  private readonly provisionalYears = new Map<
    number,
    { holidays: Set<string>; makeup: Set<string>; year: CalendarYear }
  >();
  private readonly provisional: boolean;

  /**
   * Refuses a year whose dates lie outside it, or a day that is both 放假 and 调休上班. With
   * `provisional: true` a year it does not hold is counted provisionally instead of refused.
   */
  constructor(years: CalendarYear[], options: { provisional?: boolean } = {}) {
    this.provisional = options.provisional ?? false;
    for (const y of years) {
      const outside = [...y.holidays, ...y.makeupWorkdays].find((d) => !ISO_DATE.test(d) || yearOf(d) !== y.year);
      if (outside) throw new AppError('bad_input', `${y.year}年工作日历中的日期“${outside}”不属于该年`);
      const holidays = new Set(y.holidays);
      const both = y.makeupWorkdays.find((d) => holidays.has(d));
      if (both) throw new AppError('bad_input', `${both}不能既是放假日又是调休上班日`);
      this.byYear.set(y.year, { holidays, makeup: new Set(y.makeupWorkdays), year: y });
    }
  }

  hasYear(year: number): boolean {
    return this.byYear.has(year);
  }

  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  yearData(year: number): CalendarYear | undefined {
    return this.byYear.get(year)?.year;
  }

  /** True when dates of `year` are counted on the provisional calendar (no notice entered). */
  isProvisional(year: number): boolean {
    return this.provisional && !this.byYear.has(year) && this.provisionalEntry(year) !== undefined;
  }

  private provisionalEntry(year: number) {
    let entry = this.provisionalYears.get(year);
    if (!entry) {
      const y = provisionalCalendarYear(year);
      if (!y) return undefined;
      entry = { holidays: new Set(y.holidays), makeup: new Set<string>(), year: y };
      this.provisionalYears.set(year, entry);
    }
    return entry;
  }

  private entry(date: string) {
    const year = yearOf(date);
    const entry = this.byYear.get(year) ?? (this.provisional ? this.provisionalEntry(year) : undefined);
    if (!entry) {
      throw new AppError(
        'calendar_missing',
        `工作日历缺少${year}年的节假日安排（国务院办公厅关于${year}年部分节假日安排的通知），请管理员录入后再计算期限`,
        { year },
      );
    }
    return entry;
  }

  dayKind(date: string): DayKind {
    let kind = this.kinds.get(date);
    if (!kind) {
      kind = Object.freeze(this.computeKind(date));
      this.kinds.set(date, kind);
    }
    return kind;
  }

  private computeKind(date: string): DayKind {
    const entry = this.entry(date);
    const notice = entry.year.notice;
    const holiday = entry.year.names?.[date];
    const mark = entry.year.provisional ? { provisional: true } : {};
    if (entry.makeup.has(date)) return { working: true, reason: 'makeup_workday', holiday, notice };
    if (entry.holidays.has(date)) return { working: false, reason: 'holiday', holiday, notice, ...mark };
    if (isWeekend(date)) return { working: false, reason: 'weekend', ...mark };
    return { working: true, reason: 'weekday', ...mark };
  }

  isWorkingDay(date: string): boolean {
    return this.dayKind(date).working;
  }

  /**
   * The n-th working day after `from` (`from` itself is not counted), with the non-working days passed
   * over. `excluded(date)` marks further days not to count (consultation pauses).
   */
  addWorkingDays(
    from: string,
    n: number,
    excluded: (date: string) => string | null = () => null,
  ): { date: string; skipped: SkippedDay[] } {
    if (!Number.isInteger(n) || n < 0) throw new AppError('bad_input', `工作日数应为非负整数，收到${n}`);
    const skipped: SkippedDay[] = [];
    let date = from;
    let counted = 0;
    while (counted < n) {
      let next = this.successors.get(date);
      if (next === undefined) {
        next = nextDay(date);
        this.successors.set(date, next);
      }
      date = next;
      const pause = excluded(date);
      if (pause) {
        skipped.push({ date, reason: pause });
        continue;
      }
      const kind = this.dayKind(date);
      if (kind.working) counted++;
      else skipped.push({ date, reason: kind.reason === 'holiday' ? `${kind.holiday ?? '法定节假日'}假期` : '周末' });
    }
    return { date, skipped };
  }
}
