import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { addDays, nextDay, parseDate, weekdayName } from './dates.ts';

describe('nextDay', () => {
  it.each([
    ['an ordinary day', '2025-03-07', '2025-03-08'],
    ['the end of a 30-day month', '2025-04-30', '2025-05-01'],
    ['the end of the year', '2024-12-31', '2025-01-01'],
    ['28 February in a common year', '2025-02-28', '2025-03-01'],
    ['28 February in a leap year', '2024-02-28', '2024-02-29'],
    ['29 February', '2024-02-29', '2024-03-01'],
    ['2100 is not a leap year', '2100-02-28', '2100-03-01'],
    ['2000 was a leap year', '2000-02-28', '2000-02-29'],
  ])('%s', (_name, date, next) => {
    expect(nextDay(date)).toBe(next);
    expect(addDays(date, 1)).toBe(next);
  });

  it('agrees with addDays over thirty years', () => {
    for (let d = '2000-01-01'; d < '2030-01-01'; d = nextDay(d)) expect(nextDay(d)).toBe(addDays(d, 1));
  });
});

describe('parseDate', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '25-03-01', '2025-03-01T00:00'])('refuses %s', (text) => {
    expect(() => parseDate(text)).toThrow(AppError);
  });
  it('accepts 29 February of a leap year and names the weekday', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(weekdayName('2024-02-29')).toBe('周四');
  });
});
