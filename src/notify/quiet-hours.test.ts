import { describe, expect, it } from 'vitest';
import { parseQuietHours, quietUntil } from './quiet-hours.ts';

const night = parseQuietHours('21:00-08:00');

describe('SMS quiet hours (China time)', () => {
  it.each([
    ['20:59, before they begin', '2026-03-02T20:59:00+08:00', null],
    ['21:00, as they begin: held to 08:00 the next day', '2026-03-02T21:00:00+08:00', '2026-03-03T08:00:00+08:00'],
    ['23:30', '2026-03-02T23:30:00+08:00', '2026-03-03T08:00:00+08:00'],
    ['02:00 after midnight: held to 08:00 the same day', '2026-03-03T02:00:00+08:00', '2026-03-03T08:00:00+08:00'],
    ['07:59', '2026-03-03T07:59:00+08:00', '2026-03-03T08:00:00+08:00'],
    ['08:00, as they end', '2026-03-03T08:00:00+08:00', null],
    ['the last day of a month at 22:00', '2026-02-28T22:00:00+08:00', '2026-03-01T08:00:00+08:00'],
  ])('%s', (_name, at, until) => {
    const r = quietUntil(new Date(at), night);
    expect(r?.toISOString() ?? null).toBe(until ? new Date(until).toISOString() : null);
  });

  it('quiet hours within a day (12:00-14:00) and none at all', () => {
    const noon = parseQuietHours('12:00-14:00');
    expect(quietUntil(new Date('2026-03-02T13:00:00+08:00'), noon)?.toISOString()).toBe(
      new Date('2026-03-02T14:00:00+08:00').toISOString(),
    );
    expect(quietUntil(new Date('2026-03-02T23:00:00+08:00'), noon)).toBeNull();
    expect(quietUntil(new Date('2026-03-02T23:00:00+08:00'), null)).toBeNull();
  });

  it.each(['21-8', '25:00-08:00', '21:00-08:60', ''])('refuses the setting %j', (text) => {
    expect(() => parseQuietHours(text)).toThrow('HH:MM-HH:MM');
  });
});
