import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { WorkingCalendar } from './calendar.ts';
import { missingNextYearWarning, NOTICE_NUMBERS, seedCalendarYears } from './calendar-seed.ts';

const seed = seedCalendarYears();
const calendar = new WorkingCalendar(seed);
const yearData = (year: number) => seed.find((y) => y.year === year);

describe('what kind of day it is', () => {
  it.each([
    // 国办发明电〔2024〕12号: “9月28日（周日）、10月11日（周六）上班”.
    ['a 调休 Sunday is a working day', '2025-09-28', true, 'makeup_workday'],
    ['a 调休 Saturday is a working day', '2025-10-11', true, 'makeup_workday'],
    ['a weekday inside 国庆 is not', '2025-10-08', false, 'holiday'],
    ['a weekend day inside 国庆 is a holiday day', '2025-10-04', false, 'holiday'],
    ['an ordinary Saturday', '2025-10-18', false, 'weekend'],
    ['an ordinary Monday', '2025-10-13', true, 'weekday'],
    // 2024: 除夕 (02-09) was not a holiday; 春节 ran 02-10…02-17 (国办发明电〔2023〕7号).
    ['除夕 2024 was a working day', '2024-02-09', true, 'weekday'],
    // From 2025 除夕 is a statutory holiday (放假办法 2024 revision); 01-28 is 除夕.
    ['除夕 2025 is a holiday', '2025-01-28', false, 'holiday'],
    // 国办发明电〔2020〕1号 extended 春节 to 02-02, so Saturday 02-01 was no longer worked.
    ['2020-02-01 after the extension of 春节', '2020-02-01', false, 'holiday'],
    ['2020-02-03, first day back', '2020-02-03', true, 'weekday'],
    // 国办发明电〔2019〕3号: 劳动节 05-01…05-04, Sundays 04-28 and 05-05 worked.
    ['2019-05-05 (Sunday) worked after the 劳动节 change', '2019-05-05', true, 'makeup_workday'],
    ['2019-05-03 off after the 劳动节 change', '2019-05-03', false, 'holiday'],
    // 国发明电〔2015〕1号: 09-03…09-05 off, Sunday 09-06 worked.
    ['2015-09-04 (抗战胜利70周年, 调休)', '2015-09-04', false, 'holiday'],
    ['2015-09-06 (Sunday) worked', '2015-09-06', true, 'makeup_workday'],
    // 国办发明电〔2005〕35号: “12月31日（星期六）上班” — corrected in the seed, chinese-days lacks it.
    ['2005-12-31 (Saturday) worked', '2005-12-31', true, 'makeup_workday'],
    // 2026 (国办发明电〔2025〕7号): 01-04 (Sunday) worked after 元旦 01-01…01-03.
    ['2026-01-04 (Sunday) worked', '2026-01-04', true, 'makeup_workday'],
  ])('%s', (_name, date, working, reason) => {
    expect(calendar.dayKind(date)).toMatchObject({ working, reason });
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('names the festival and the notice of a holiday', () => {
    expect(calendar.dayKind('2025-10-04')).toEqual({
      working: false,
      reason: 'holiday',
      holiday: '国庆节、中秋节',
      notice: '国办发明电〔2024〕12号',
    });
    expect(calendar.dayKind('2024-02-12').holiday).toBe('春节');
    expect(calendar.dayKind('2023-09-29').holiday).toBe('中秋节、国庆节');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['from a Friday, one day lands on Monday', '2025-03-07', 1, '2025-03-10'],
    ['zero days is the day itself', '2025-03-07', 0, '2025-03-07'],
    ['from the day before a 调休 Saturday', '2025-10-10', 1, '2025-10-11'],
    ['from the day before a 调休 Sunday', '2025-09-27', 1, '2025-09-28'],
    // 2025-09-30 (Tue); 10-01…10-08 off; 10-09 is the first working day after.
    ['over the 国庆 break', '2025-09-30', 1, '2025-10-09'],
  ])('%s', (_name, from, n, date) => {
    expect(calendar.addWorkingDays(from, n).date).toBe(date);
  });

  it('lists the days passed over with the reason', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1).skipped).toEqual(
      Array.from({ length: 8 }, (_, i) => ({ date: `2025-10-0${i + 1}`, reason: '国庆节、中秋节假期' })),
    );
    expect(calendar.addWorkingDays('2025-03-07', 1).skipped.map((s) => s.reason)).toEqual(['周末', '周末']);
  });

  it('refuses a year it does not hold, naming it', () => {
    const small = new WorkingCalendar(seed.filter((y) => y.year <= 2025));
    expect(() => small.addWorkingDays('2025-12-30', 5)).toThrow(/2026年/);
    try {
      small.isWorkingDay('2031-01-02');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('calendar_missing');
      expect((error as AppError).message).toContain('工作日历缺少2031年的节假日安排');
    }
    expect.assertions(4);
  });

  it('refuses a negative count', () => {
    expect(() => calendar.addWorkingDays('2025-03-07', -1)).toThrow(AppError);
  });
});

describe('the seed', () => {
  it('holds every year chinese-days knows, 2004 to 2026 at least', () => {
    const years = calendar.years();
    expect(years[0]).toBe(2004);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
  });

  it.each(Object.entries(NOTICE_NUMBERS))('%s carries its notice 文号 %s', (year, number) => {
    expect(yearData(Number(year))?.notice.startsWith(number)).toBe(true);
  });

  it.each([
    // Amending notices.
    [2015, '国发明电〔2015〕1号'],
    [2019, '国办发明电〔2019〕3号'],
    [2020, '国办发明电〔2020〕1号'],
    // December days fixed by the next year's notice (元旦 spanning the turn of the year).
    [2018, '国办发明电〔2018〕15号（2018年12月的元旦安排）'],
    [2022, '国办发明电〔2022〕16号（2022年12月的元旦安排）'],
    [2011, '国办发明电〔2011〕45号（2011年12月的元旦安排）'],
    // Not confirmed: the title only.
    [2004, '国务院办公厅关于2004年部分节假日安排的通知'],
    [2005, '国务院办公厅关于2005年部分节假日安排的通知'],
  ])('%i names %s', (year, text) => {
    expect(yearData(year)?.notice).toContain(text);
  });

  // The 调休上班 days as each notice states them (2025: law-and-formats.md §6.2; 2026: the notice of
  // 2025-11-04; 2019 with 国办发明电〔2019〕3号; 2020 with the 春节 extension, so no 02-01). A package
  // update that changes any of these fails here.
  it.each([
    [2019, ['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12']],
    [2020, ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10']],
    [2021, ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09']],
    [2022, ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09']],
    [2023, ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08']],
    [
      2024,
      ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    ],
    [2025, ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']],
    [2026, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']],
  ])('%i has exactly the notice’s 调休上班 days', (year, days) => {
    expect(yearData(year)?.makeupWorkdays).toEqual(days);
  });

  it.each([
    // Weekday days off as the notices state them (weekends inside the breaks left out).
    [2025, ['01-01', '01-28', '01-29', '01-30', '01-31', '02-03', '02-04', '04-04', '05-01', '05-02', '05-05']],
    [
      2026,
      ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '02-23', '04-06', '05-01', '05-04', '05-05'],
    ],
  ])('%i has exactly the notice’s weekday days off (first half)', (year, days) => {
    const weekdayOff = (yearData(year)?.holidays ?? []).filter(
      (d) => d < `${year}-06-01` && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    expect(weekdayOff).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('puts weekend days inside a break into the break (2015-09-05, 2024-06-08/09 与周末连休)', () => {
    expect(yearData(2015)?.holidays).toContain('2015-09-05');
    expect(yearData(2024)?.names?.['2024-06-08']).toBe('端午节');
    expect(yearData(2024)?.names?.['2024-06-09']).toBe('端午节');
    // …but not a weekend that only borders the next year's break.
    expect(yearData(2023)?.holidays).not.toContain('2023-12-30');
  });

  it('keeps every 调休上班 day on a weekend and never a holiday too', () => {
    for (const y of seed) {
      for (const d of y.makeupWorkdays) {
        expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(y.holidays).not.toContain(d);
      }
    }
  });
});

describe('the calendar table itself', () => {
  it.each([
    ['a date outside its year', { year: 2030, holidays: ['2031-01-01'], makeupWorkdays: [], notice: 'x' }],
    [
      'a day both off and worked',
      { year: 2030, holidays: ['2030-02-02'], makeupWorkdays: ['2030-02-02'], notice: 'x' },
    ],
    ['a malformed date', { year: 2030, holidays: ['2030-1-1'], makeupWorkdays: [], notice: 'x' }],
  ])('refuses %s', (_name, year) => {
    expect(() => new WorkingCalendar([year])).toThrow(AppError);
  });
});

describe('missingNextYearWarning (a fixed date, never the real today)', () => {
  const upTo2026 = new WorkingCalendar(seed.filter((y) => y.year <= 2026));
  it.each([
    ['late 2026 without 2027', '2026-11-23', '2027'],
    ['31 December 2026 without 2027', '2026-12-31', '2027'],
  ])('warns: %s', (_name, today, year) => {
    expect(missingNextYearWarning(upTo2026, today)).toContain(`${year}年`);
  });
  it.each([
    ['mid 2025 with 2026 present', '2025-06-01'],
    ['1 January 2025 with 2026 present', '2025-01-01'],
  ])('stays quiet: %s', (_name, today) => {
    expect(missingNextYearWarning(upTo2026, today)).toBeNull();
  });
});
