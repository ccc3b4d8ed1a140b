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
});
