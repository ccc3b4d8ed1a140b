import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { WorkingCalendar } from './calendar.ts';
import { seedCalendarYears } from './calendar-seed.ts';
import { computeDeadline } from './deadline.ts';
import { provisionalCalendarYear, statutoryHolidays } from './statutory-holidays.ts';

const seed = seedCalendarYears();
/** The platform's calendar on 2026-12-03: every notice up to 2026, none for 2027 (chinese-days has none). */
const upTo2026 = new WorkingCalendar(
  seed.filter((y) => y.year <= 2026),
  { provisional: true },
);

describe('《全国年节及纪念日放假办法》第二条 computed for a year', () => {
  it('2027 (2024 revision): 元旦1, 春节4 from 除夕, 清明1, 劳动节2, 端午1, 中秋1, 国庆3', () => {
    // Lunar dates: 2027 正月初一 = 02-06 (除夕 02-05), 端午 = 06-09, 中秋 = 09-15; 清明 (solar term) = 04-05.
    expect(statutoryHolidays(2027)?.names).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    });
  });

  // Checked against the notices themselves: every day 第二条 makes a holiday is a 放假 day of the year's
  // notice (the notices add 调休 and 补假 around them, never take one away).
  it.each([
    [2015, 11],
    [2016, 11],
    [2018, 11],
    [2019, 11],
    // 中秋 fell on 10-01 in 2020: one day carries both names.
    [2020, 10],
    [2021, 11],
    [2022, 11],
    [2023, 11],
    [2024, 11],
    [2025, 13],
    [2026, 13],
  ])('every computed holiday of %i is a holiday in that year’s notice (%i days)', (year, days) => {
    const notice = seed.find((y) => y.year === year)!;
    const computed = Object.keys(statutoryHolidays(year)!.names);
    expect(computed.filter((d) => !notice.holidays.includes(d))).toEqual([]);
    expect(computed).toHaveLength(days);
  });

  it('2024 and before: 春节 from 初一, 劳动节 one day (2013 revision); 除夕 2024 (02-09) not a holiday', () => {
    const names = statutoryHolidays(2024)!.names;
    expect(names['2024-02-09']).toBeUndefined();
    expect(names['2024-02-10']).toBe('春节');
    expect(names['2024-05-02']).toBeUndefined();
  });

  it('makes no calendar before 2008 (no regime of the 条例 applies)', () => {
    expect(statutoryHolidays(2007)).toBeNull();
    expect(provisionalCalendarYear(2003)).toBeNull();
  });
});

describe('a year without its notice is counted provisionally, never refused', () => {
  it.each([
    ['元旦 2027', '2027-01-01', false, 'holiday'],
    ['除夕 2027 (a Friday)', '2027-02-05', false, 'holiday'],
    ['初三 2027 (a Monday)', '2027-02-08', false, 'holiday'],
    ['the day after 春节 2027', '2027-02-09', true, 'weekday'],
    ['an ordinary Saturday', '2027-01-09', false, 'weekend'],
  ])('%s', (_name, date, working, reason) => {
    expect(upTo2026.dayKind(date)).toMatchObject({ working, reason, provisional: true });
  });

  it('days of a year with its notice are not provisional', () => {
    expect(upTo2026.dayKind('2026-12-31').provisional).toBeUndefined();
    expect(upTo2026.isProvisional(2026)).toBe(false);
    expect(upTo2026.isProvisional(2027)).toBe(true);
  });

  it('a calendar built without the option still refuses the year, naming it', () => {
    const strict = new WorkingCalendar(seed.filter((y) => y.year <= 2026));
    expect(() => strict.dayKind('2027-01-04')).toThrow(expect.objectContaining({ code: 'calendar_missing' }));
  });

  it('a year before 2008 is still refused on a provisional calendar', () => {
    expect(() => upTo2026.dayKind('2003-06-02')).toThrow(AppError);
  });
});

describe('第三十三条 periods reaching into a year without its notice (clock at December 2026)', () => {
  it.each([
    // 12/4 (1); 12/7–11 (6); 12/14–18 (11); 12/21–25 (16); 12/28–31 (20): all in 2026, the notice's year.
    ['received 2026-12-03: due inside 2026, not 暂定', '2026-12-03', false, '2026-12-31', false, []],
    // … extended 20: 1/1 元旦 (暂定); 1/4–8 (5); 1/11–15 (10); 1/18–22 (15); 1/25–29 (20).
    ['received 2026-12-03, extended into 2027: 暂定', '2026-12-03', true, '2027-01-29', true, [2027]],
    // 1/1 元旦 (暂定); 1/4–8 (5); 1/11–15 (10); 1/18–22 (15); 1/25–29 (20).
    ['received 2026-12-31', '2026-12-31', false, '2027-01-29', true, [2027]],
    // Received on 春节 初一 (Saturday): 2/7–8 off (春节, 暂定); 2/9–12 (4); 2/15–19 (9); 2/22–26 (14);
    // 3/1–5 (19); 3/8 (20).
    ['received on a provisional holiday (2027-02-06, 春节)', '2027-02-06', false, '2027-03-08', true, [2027]],
  ])('%s', (_name, received, extended, due, provisional, years) => {
    const d = computeDeadline({ received, extended }, upTo2026);
    expect(d).toMatchObject({ due, provisional, provisionalYears: years });
    const text = d.explanation.join('\n');
    if (provisional) {
      expect(text).toContain('2027年的节假日安排（国务院办公厅通知）尚未录入');
      expect(d.explanation.at(-1)).toContain('暂定');
    } else expect(text).not.toContain('暂定');
  });

  it('entering the notice replaces the provisional count (a 调休上班 day moves the date earlier)', () => {
    const notice2027 = {
      year: 2027,
      holidays: ['2027-01-01'],
      makeupWorkdays: ['2027-01-09'],
      notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
    };
    const entered = new WorkingCalendar([...seed.filter((y) => y.year <= 2026), notice2027], { provisional: true });
    expect(computeDeadline({ received: '2026-12-31' }, entered)).toMatchObject({
      due: '2027-01-28',
      provisional: false,
    });
  });
});
