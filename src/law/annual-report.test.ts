import { describe, expect, it } from 'vitest';
import { mayPublishReport, reportDeadline, submissionTiming } from './annual-report.ts';

describe('the annual report calendar (条例第四十九条)', () => {
  it.each([
    ['on the year’s last day of December: the year has not ended', 2026, '2026-12-03', false],
    ['on 31 December itself', 2026, '2026-12-31', false],
    ['on 1 January of the next year', 2026, '2027-01-01', true],
    ['after the deadline (a late report is still published)', 2026, '2027-03-01', true],
    ['a past year', 2025, '2026-12-03', true],
  ])('publishing: %s', (_name, year, today, allowed) => {
    expect(mayPublishReport(year, today)).toBe(allowed);
  });

  it.each([
    ['not published, two months before 1月31日: not yet due', null, '2026-12-03', 'not_due'],
    ['not published, on the deadline day', null, '2027-01-31', 'not_due'],
    ['not published, the day after the deadline', null, '2027-02-01', 'overdue'],
    ['published on the deadline day', '2027-01-31', '2027-03-01', 'on_time'],
    ['published a day late', '2027-02-01', '2027-03-01', 'late'],
  ] as const)('报送情况 of 2026: %s', (_name, publishedOn, today, timing) => {
    expect(submissionTiming(2026, today, publishedOn)).toBe(timing);
  });

  it('the deadline is 1月31日 of the following year', () => {
    expect(reportDeadline(2026)).toBe('2027-01-31');
  });
});
