import { describe, expect, it } from 'vitest';
import { fixedClock, shanghaiDay, shanghaiTime } from './clock.ts';

describe('times shown in Asia/Shanghai, never UTC (issue 13)', () => {
  it.each([
    // 07:00 Beijing on 2 January is 23:00 UTC on 1 January: shown as 2 January.
    ['07:00 on 2 January', '2026-01-01T23:00:00Z', '2026-01-02', '2026-01-02 07:00', '2026-01-02 07:00:00'],
    [
      'just before midnight in Beijing',
      '2026-03-31T15:59:59Z',
      '2026-03-31',
      '2026-03-31 23:59',
      '2026-03-31 23:59:59',
    ],
    ['midnight in Beijing', '2026-03-31T16:00:00Z', '2026-04-01', '2026-04-01 00:00', '2026-04-01 00:00:00'],
  ])('%s', (_name, iso, day, minute, second) => {
    const at = new Date(iso);
    expect(shanghaiDay(at)).toBe(day);
    expect(shanghaiTime(at)).toBe(minute);
    expect(shanghaiTime(at, 'second')).toBe(second);
  });

  it('the clock’s today is the same day', () => {
    expect(fixedClock('2026-01-01T23:00:00Z').today()).toBe(shanghaiDay(new Date('2026-01-01T23:00:00Z')));
  });

  it('gives the date Intl gives at every day’s edges, one instant after another (the day last formatted is kept)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    // Midnight in Beijing (16:00 UTC) and the millisecond either side, over a year's days and 31 December,
    // in order and then out of it; and instants before 1992, when China still kept summer time (1986–1991).
    const edges: number[] = [];
    for (let d = 0; d < 400; d++) {
      const midnight = Date.UTC(2026, 0, 1, 16) + d * 86_400_000;
      edges.push(midnight - 1, midnight, midnight + 1, midnight + 43_200_000);
    }
    const summer = [Date.UTC(1988, 5, 30, 15, 30), Date.UTC(1988, 5, 30, 16, 30), Date.UTC(1991, 8, 14, 15, 30)];
    for (const ms of [...edges, ...[...edges].reverse(), ...summer, Date.UTC(2026, 11, 31, 15, 59, 59, 999)])
      expect(shanghaiDay(new Date(ms)), new Date(ms).toISOString()).toBe(intl.format(new Date(ms)));
    expect(() => shanghaiDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
