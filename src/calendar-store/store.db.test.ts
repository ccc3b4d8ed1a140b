import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { calendarYears } from '../db/schema/index.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import type { CalendarYear } from '../law/calendar.ts';
import { seedCalendarYears } from '../law/calendar-seed.ts';
import { onCalendarChanged } from './hooks.ts';
import { calendarWarnings, listCalendarYears, loadCalendar, saveCalendarYear, seedCalendar } from './store.ts';
import { calendarYearProblems } from './validate.ts';

const clock = fixedClock('2026-11-23');
let t: TestDb;
let adminId: number;
beforeAll(async () => {
  t = await createTestDb();
  const { county } = await makeAgencyTree(t.db);
  adminId = (await makeUser(t.db, { agency: county, role: 'admin' })).row.id;
});
afterAll(() => t.close());

// A year no seed holds, in the shape of a real notice: 元旦 1 day, 春节 with two 调休上班 Saturdays.
const year2099: CalendarYear = {
  year: 2099,
  holidays: ['2099-01-01', '2099-01-21', '2099-01-22', '2099-01-23'],
  makeupWorkdays: ['2099-01-17', '2099-01-31'],
  notice: '国务院办公厅关于2099年部分节假日安排的通知（国办发明电〔2098〕1号）',
  names: { '2099-01-01': '元旦', '2099-01-21': '春节', '2099-01-17': '春节' },
};

describe('calendar store', () => {
  it('seeds every seed year once; seeding again adds nothing', async () => {
    const first = await seedCalendar(t.db, clock.now());
    expect(first).toEqual(seedCalendarYears().map((y) => y.year));
    expect(await seedCalendar(t.db, clock.now())).toEqual([]);
    expect(await listAudit(t.db, { action: 'calendar.seeded' })).toHaveLength(1);
    const calendar = await loadCalendar(t.db);
    expect(calendar.years()).toEqual(first);
    expect(calendar.dayKind('2025-10-01')).toMatchObject({ working: false, reason: 'holiday' });
    expect(calendar.dayKind('2025-09-28')).toMatchObject({ working: true, reason: 'makeup_workday' });
  });

  it('every seed year passes the validation an administrator’s entry must pass', () => {
    for (const y of seedCalendarYears()) expect([y.year, calendarYearProblems(y)]).toEqual([y.year, []]);
  });

  it('saves a newly announced year, audited, and the calendar counts with it', async () => {
    const saved = await saveCalendarYear(t.db, { actorId: adminId, year: year2099, clock });
    expect(saved.holidays).toEqual(year2099.holidays);
    const calendar = await loadCalendar(t.db);
    expect(calendar.dayKind('2099-01-17')).toMatchObject({ working: true, reason: 'makeup_workday' });
    const [row] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2099));
    expect(row).toMatchObject({ source: 'admin', updatedBy: adminId, updatedAt: clock.now() });
    const [event] = await listAudit(t.db, { action: 'calendar.year_saved', entityId: 2099 });
    expect(event).toMatchObject({ actorId: adminId, data: { created: true, notice: year2099.notice } });
  });

  it('records what a correction changed', async () => {
    await saveCalendarYear(t.db, {
      actorId: adminId,
      year: { ...year2099, holidays: [...year2099.holidays, '2099-01-24'], makeupWorkdays: ['2099-01-17'] },
      clock,
    });
    const [latest] = await listAudit(t.db, { action: 'calendar.year_saved', entityId: 2099 });
    expect(latest.data).toMatchObject({
      created: false,
      holidays: { added: ['2099-01-24'], removed: [] },
      makeupWorkdays: { added: [], removed: ['2099-01-31'] },
    });
  });

  it.each<[string, Partial<CalendarYear>, string]>([
    ['a date outside the year', { holidays: ['2098-12-31'] }, '不在2099年内'],
    ['an impossible date', { holidays: ['2099-02-30'] }, '不是有效日期'],
    [
      'a date both holiday and make-up day',
      { holidays: ['2099-01-17'], makeupWorkdays: ['2099-01-17'] },
      '既是放假日又是调休上班日',
    ],
    ['a make-up day on a weekday', { makeupWorkdays: ['2099-01-19'] }, '不是周六或周日'],
    ['a duplicate date', { holidays: ['2099-01-01', '2099-01-01'] }, '重复'],
    ['no notice', { notice: ' ' }, '文号或标题'],
    ['a name for an ordinary day', { names: { '2099-03-03': '某节' } }, '既非放假日也非调休上班日'],
  ])('refuses %s, writing nothing', async (_name, change, message) => {
    const before = await listCalendarYears(t.db);
    const auditBefore = (await listAudit(t.db, { entityType: 'calendar_year' })).length;
    await expect(
      saveCalendarYear(t.db, { actorId: adminId, year: { ...year2099, ...change }, clock }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining(message),
    });
    expect(await listCalendarYears(t.db)).toEqual(before);
    expect(await listAudit(t.db, { entityType: 'calendar_year' })).toHaveLength(auditBefore);
  });

  it('runs the recompute hooks in the same transaction; a failing hook undoes the save and its audit', async () => {
    const seen: number[][] = [];
    const off = onCalendarChanged(async (tx, years) => {
      seen.push(years);
      const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, years[0]));
      expect(row.notice).toContain('2098');
    });
    await saveCalendarYear(t.db, {
      actorId: adminId,
      year: { ...year2099, year: 2098, holidays: ['2098-01-01'], makeupWorkdays: [], names: {} },
      clock,
    });
    off();
    expect(seen).toEqual([[2098]]);

    const offFailing = onCalendarChanged(async () => {
      throw new Error('recompute failed');
    });
    try {
      await expect(
        saveCalendarYear(t.db, {
          actorId: adminId,
          year: { ...year2099, year: 2097, holidays: [], makeupWorkdays: [], names: {} },
          clock,
        }),
      ).rejects.toThrow('recompute failed');
    } finally {
      offFailing();
    }
    expect((await loadCalendar(t.db)).hasYear(2097)).toBe(false);
    expect(await listAudit(t.db, { action: 'calendar.year_saved', entityId: 2097 })).toEqual([]);
  });
});

describe('calendarWarnings', () => {
  it.each<[string, string, number[], { level: string; year: number }[]]>([
    ['next year missing in November: a warning', '2026-11-23', [2026], [{ level: 'warning', year: 2027 }]],
    ['next year missing in March: a note', '2026-03-02', [2026], [{ level: 'info', year: 2027 }]],
    [
      'this year missing: an error',
      '2027-01-04',
      [2026],
      [
        { level: 'error', year: 2027 },
        { level: 'info', year: 2028 },
      ],
    ],
    ['both years present: nothing', '2026-11-23', [2026, 2027], []],
  ])('%s', async (_name, today, years, expected) => {
    const db = await createTestDb();
    try {
      for (const year of years) {
        await db.db
          .insert(calendarYears)
          .values({ year, holidays: [], makeupWorkdays: [], notice: 'n', source: 'seed', updatedAt: new Date() });
      }
      const warnings = await calendarWarnings(db.db, fixedClock(today));
      expect(warnings.map(({ level, year }) => ({ level, year }))).toEqual(expected);
      for (const w of warnings) expect(w.message).toContain(`${w.year}年`);
    } finally {
      await db.close();
    }
  });
});
