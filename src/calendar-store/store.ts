/**
 * The working-day calendar kept in the database (table calendar_years): seeded from chinese-days by
 * `gongkai migrate`, extended by an administrator when the State Council announces a new year.
 */

import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db, Executor } from '../db/client.ts';
import { calendarYears } from '../db/schema/calendar.ts';
import { AppError } from '../errors.ts';
import { type CalendarYear, WorkingCalendar } from '../law/calendar.ts';
import { seedCalendarYears } from '../law/calendar-seed.ts';
import { runCalendarChanged } from './hooks.ts';
import { parseCalendarYear } from './validate.ts';

const toYear = (row: typeof calendarYears.$inferSelect): CalendarYear => ({
  year: row.year,
  holidays: row.holidays,
  makeupWorkdays: row.makeupWorkdays,
  notice: row.notice,
  names: row.names,
});

/** Every stored year. */
export async function listCalendarYears(db: Executor): Promise<CalendarYear[]> {
  return (await db.select().from(calendarYears).orderBy(asc(calendarYears.year))).map(toYear);
}

/**
 * The calendar deadlines are computed with. A year without its notice is counted provisionally (the
 * statutory holidays, no 调休; law-and-formats.md §6.4): nothing waits for the notice.
 *
 * @example
 * const calendar = await loadCalendar(db);
 * calendar.addWorkingDays('2025-09-30', 20);
 */
export async function loadCalendar(db: Executor): Promise<WorkingCalendar> {
  return new WorkingCalendar(await listCalendarYears(db), { provisional: true });
}

/**
 * Stores every seed year the table lacks; a year already there (perhaps corrected by an administrator) is
 * left alone, so running it again changes nothing. Returns the years added.
 */
export async function seedCalendar(db: Db, at = new Date()): Promise<number[]> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(calendarYears)
      .values(seedCalendarYears().map((y) => ({ ...y, names: y.names ?? {}, source: 'seed', updatedAt: at })))
      .onConflictDoNothing({ target: calendarYears.year })
      .returning({ year: calendarYears.year });
    const years = added.map((r) => r.year).sort((a, b) => a - b);
    if (years.length > 0) {
      await recordAudit(tx, { at, actorId: null, action: 'calendar.seeded', entityType: 'calendar', data: { years } });
      await runCalendarChanged(tx, years, { at, actorId: null });
    }
    return years;
  });
}

/**
 * An administrator enters (or corrects) a year: validated, stored, audited ('calendar.year_saved' with what
 * changed), then the registered hooks recompute what depends on it — all in one transaction.
 */
export async function saveCalendarYear(
  db: Db,
  input: {
    actorId: number;
    year: CalendarYear;
    clock?: Clock;
    /**
     * false (the console's form, which starts blank): a year already entered is refused unless the person says
     * they replace it, so a second administrator never overwrites the first one's entry unseen (issue #19).
     */
    replaceExisting?: boolean;
  },
): Promise<CalendarYear> {
  const year = parseCalendarYear(input.year);
  const at = input.clock?.now() ?? new Date();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year.year)).for('update');
    if (before && input.replaceExisting === false)
      throw new AppError(
        'conflict',
        `${year.year}年的安排已经录入（依据：${before.notice}）；如确需修改，请勾选“覆盖已录入的安排”后再保存`,
        { fields: { replace: '该年份已有安排' } },
      );
    const row = { ...year, names: year.names ?? {}, source: 'admin', updatedAt: at, updatedBy: input.actorId };
    await tx.insert(calendarYears).values(row).onConflictDoUpdate({ target: calendarYears.year, set: row });
    await recordAudit(tx, {
      at,
      actorId: input.actorId,
      action: 'calendar.year_saved',
      entityType: 'calendar_year',
      entityId: year.year,
      data: { notice: year.notice, ...diff(before ? toYear(before) : undefined, year) },
    });
    await runCalendarChanged(tx, [year.year], { at, actorId: input.actorId });
    return year;
  });
}

function diff(before: CalendarYear | undefined, after: CalendarYear) {
  const delta = (a: string[] = [], b: string[]) => ({
    added: b.filter((d) => !a.includes(d)),
    removed: a.filter((d) => !b.includes(d)),
  });
  return {
    created: !before,
    holidays: delta(before?.holidays, after.holidays),
    makeupWorkdays: delta(before?.makeupWorkdays, after.makeupWorkdays),
    ...(before && before.notice !== after.notice ? { previousNotice: before.notice } : {}),
  };
}

export interface CalendarWarning {
  level: 'error' | 'warning' | 'info';
  year: number;
  message: string;
}

/**
 * What the console should say about the calendar today: this year missing is an error (every deadline of the
 * year is only 暂定); next year missing is a warning from November on (the notice usually appears then, and a
 * 20 + 20 working-day period running from November reaches into January), a note before. Nothing is refused
 * meanwhile: those dates are counted on the provisional calendar and recomputed when the notice is entered.
 */
export async function calendarWarnings(db: Executor, clock: Clock): Promise<CalendarWarning[]> {
  const today = clock.today();
  const thisYear = Number(today.slice(0, 4));
  const stored = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const warnings: CalendarWarning[] = [];
  if (!stored.has(thisYear)) {
    warnings.push({
      level: 'error',
      year: thisYear,
      message: `工作日历缺少${thisYear}年的节假日安排：本年的期限均按《全国年节及纪念日放假办法》的法定节假日暂定计算（未计调休），标为“暂定”。请管理员依据《国务院办公厅关于${thisYear}年部分节假日安排的通知》录入，录入后暂定期限将重新计算。`,
    });
  }
  if (!stored.has(thisYear + 1)) {
    const lateInYear = Number(today.slice(5, 7)) >= 11;
    warnings.push({
      level: lateInYear ? 'warning' : 'info',
      year: thisYear + 1,
      message: `工作日历尚无${thisYear + 1}年的节假日安排：跨入${thisYear + 1}年的期限按《全国年节及纪念日放假办法》的法定节假日暂定计算（未计调休），标为“暂定”。国务院办公厅发布${thisYear + 1}年部分节假日安排的通知后，请管理员及时录入，暂定期限将重新计算并记录变化。`,
    });
  }
  return warnings;
}
