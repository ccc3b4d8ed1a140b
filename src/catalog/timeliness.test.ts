import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../law/calendar.ts';
import { seedCalendarYears } from '../law/calendar-seed.ts';
import { interpretationOutOfStep, proactiveTimeliness } from './timeliness.ts';

const calendar = new WorkingCalendar(seedCalendarYears());

describe('《条例》第二十六条: 20 working days from forming', () => {
  it.each([
    ['across 国庆中秋 2025 (10-01…10-08 off; 09-28 and 10-11 worked)', '2025-09-26', '2025-10-30', '2025-10-30', false],
    ['one day late', '2025-09-26', '2025-10-31', '2025-10-30', true],
    ['plain weeks: 2025-03-03 (Mon) → 2025-03-31', '2025-03-03', '2025-03-05', '2025-03-31', false],
  ])('%s', (_n, formed, published, due, late) => {
    expect(proactiveTimeliness(calendar, formed, published)).toEqual({ dueOn: due, late });
  });

  it('a year without its calendar is an error, not a guess', () => {
    expect(() => proactiveTimeliness(new WorkingCalendar([]), '2025-01-02', '2025-01-03')).toThrow(
      /工作日历缺少2025年/,
    );
  });
});

describe('政策解读 published with its policy', () => {
  it.each([
    ['same day', '2025-05-01', '2025-05-01', false],
    ['a day later', '2025-05-01', '2025-05-02', true],
    ['policy not published', null, '2025-05-02', false],
  ])('%s', (_n, policy, interp, flagged) => {
    expect(interpretationOutOfStep(policy, interp)).toBe(flagged);
  });
});
