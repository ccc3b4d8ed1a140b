import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { WorkingCalendar } from './calendar.ts';
import { missingNextYearWarning, seedCalendarYears } from './calendar-seed.ts';
import { computeDeadline, consultationReplyDue, correctionNoticeDue, feePaymentDue } from './deadline.ts';
import { regimeFor } from './regimes.ts';

const calendar = new WorkingCalendar(seedCalendarYears());

// Each expected date was counted by hand on the year's calendar; the count is in the comment.
describe('第三十三条: 20 working days from receipt, receipt day not counted', () => {
  it.each([
    // 2025 国庆/中秋 10-01…10-08 off; 09-28 (Sun) and 10-11 (Sat) work. 9/28,29,30 (3); 10/9,10,11 (6);
    // 10/13–17 (11); 10/20–24 (16); 10/27–30 (20).
    ['receipt the Friday before 国庆 2025', '2025-09-26', '2025-10-30'],
    // 2024 国庆 10-01…10-07 off; 09-29 (Sun), 10-12 (Sat) work. 9/29,30 (2); 10/8–12 (7); 10/14–18 (12);
    // 10/21–25 (17); 10/28–30 (20).
    ['receipt the Friday before 国庆 2024', '2024-09-27', '2024-10-30'],
    // 2024 春节 02-10…02-17 off; 02-04 and 02-18 (Sun) work; 02-09 (除夕) is a working day. 2/9 (1);
    // 2/18–23 (7); 2/26–3/1 (12); 3/4–8 (17); 3/11–13 (20).
    ['receipt before 春节 2024', '2024-02-08', '2024-03-13'],
    // 2025 春节 01-28…02-04 off; 01-26 (Sun), 02-08 (Sat) work. 1/26,27 (2); 2/5–8 (6); 2/10–14 (11);
    // 2/17–21 (16); 2/24–27 (20).
    ['receipt before 春节 2025', '2025-01-24', '2025-02-27'],
    // 元旦 2025-01-01 off. 12/23–27 (5); 12/30,31 (7); 1/2,3 (9); 1/6–10 (14); 1/13–17 (19); 1/20 (20).
    ['year end: receipt 2024-12-20 crossing 元旦', '2024-12-20', '2025-01-20'],
    // Receipt on a holiday: counting starts after it. 10/9,10,11 (3); 10/13–17 (8); 10/20–24 (13);
    // 10/27–31 (18); 11/3,4 (20).
    ['receipt during the 国庆 holiday', '2025-10-03', '2025-11-04'],
    // Receipt on a Saturday. 3/3–7 (5) … 3/24–28 (20).
    ['receipt on a Saturday', '2025-03-01', '2025-03-28'],
  ])('%s', (_name, received, due) => {
    const d = computeDeadline({ received }, calendar);
    expect(d.regime).toBe('2019');
    expect(d.due).toBe(due);
  });

  it('counts a 调休 Saturday and a 调休 Sunday as working days', () => {
    expect(calendar.dayKind('2025-10-11')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(calendar.addWorkingDays('2025-10-10', 1).date).toBe('2025-10-11'); // Saturday
    expect(calendar.addWorkingDays('2025-09-27', 1).date).toBe('2025-09-28'); // Sunday
    expect(calendar.dayKind('2025-10-04')).toMatchObject({ working: false, reason: 'holiday', holiday: '国庆节' });
  });

  it('explains itself: receipt day, skipped days with the notice, 调休 days, the due date', () => {
    const text = computeDeadline({ received: '2025-09-26' }, calendar).explanation.join('\n');
    expect(text).toContain('2025-09-26（周五）收到申请，当日不计入期限');
    expect(text).toContain('国庆节');
    expect(text).toContain('国办发明电〔2024〕12号');
    expect(text).toContain('2025-09-28（周日）：调休上班日');
    expect(text).toContain('答复期限：2025-10-30（周四）');
  });
});

describe('补正, consultation and extension', () => {
  it('restarts the period on receipt of the 补正 (第三十条)', () => {
    // From 3/10: 3/11–14 (4); 3/17–21 (9); 3/24–28 (14); 3/31–4/3 (18); 4/4 清明 off; 4/7,8 (20).
    const d = computeDeadline({ received: '2025-03-03', correctionReceived: '2025-03-10' }, calendar);
    expect(d.start).toBe('2025-03-10');
    expect(d.due).toBe('2025-04-08');
    expect(d.explanation.join('\n')).toContain('收到补正材料');
  });

  it.each([
    // Without pause 2025-03-31; five paused working days push it past 清明 (4/4) to 4/8.
    ['a five-day consultation pause', [{ from: '2025-03-10', to: '2025-03-14' }], '2025-04-08'],
    // Bounds are inclusive: a one-day pause moves the date by exactly one working day.
    ['a one-day pause (inclusive bounds)', [{ from: '2025-03-10', to: '2025-03-10' }], '2025-04-01'],
    // A pause over a weekend only does not move the date.
    ['a pause over a weekend', [{ from: '2025-03-08', to: '2025-03-09' }], '2025-03-31'],
  ])('does not count consultation days: %s', (_name, pauses, due) => {
    expect(computeDeadline({ received: '2025-03-03', pauses }, calendar).due).toBe(due);
  });

  it('adds 20 working days after the first due date when extended', () => {
    // First due 3/31; then 4/1–3 (3); 4/7–11 (8); 4/14–18 (13); 4/21–25 (18); 4/27 (Sun, 调休) (19); 4/28 (20).
    const d = computeDeadline({ received: '2025-03-03', extended: true }, calendar);
    expect(d.firstDue).toBe('2025-03-31');
    expect(d.due).toBe('2025-04-28');
  });

  it('notifies 补正 within 7 working days; consultations answer within 15; fees are paid within 20', () => {
    expect(correctionNoticeDue('2025-09-26', calendar)).toBe('2025-10-13');
    // 9/28,29,30 (3); 10/9,10,11 (6); 10/13–17 (11); 10/20–23 (15).
    expect(consultationReplyDue('2025-09-26', calendar)).toBe('2025-10-23');
    expect(feePaymentDue('2025-09-26', calendar)).toBe('2025-10-30');
  });
});

describe('the 2007 regime (applications received before 2019-05-15)', () => {
  it('gives 15 working days and a 15-day extension', () => {
    // 3/2 (1); 3/5–9 (6); 3/12–16 (11); 3/19–22 (15). Extension: 3/23 (1) … 4/13 (15) with 清明 4/5–4/7 off
    // and 4/8 (Sun) a working day: 3/23 (1); 3/26–30 (6); 4/2–4 (9); 4/8 (10); 4/9–13 (15).
    const d = computeDeadline({ received: '2018-03-01', extended: true }, calendar);
    expect(d.regime).toBe('2007');
    expect(d.firstDue).toBe('2018-03-22');
    expect(d.due).toBe('2018-04-13');
  });

  it.each([
    ['2019-05-14', '2007'],
    ['2019-05-15', '2019'],
  ])('receipt on %s falls under the %s regime', (received, regime) => {
    expect(regimeFor(received).id).toBe(regime);
  });
});

describe('calendar gaps and bad input', () => {
  it('refuses a period that runs into a year the calendar does not hold, naming the year', () => {
    const small = new WorkingCalendar(seedCalendarYears().filter((y) => y.year <= 2026));
    let error: unknown;
    try {
      computeDeadline({ received: '2026-12-15' }, small);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('calendar_missing');
    expect((error as Error).message).toContain('2027');
  });

  it('warns when next year is missing, relative to the clock', () => {
    const cal = new WorkingCalendar(seedCalendarYears().filter((y) => y.year <= 2026));
    expect(missingNextYearWarning(cal, '2026-11-23')).toContain('2027');
    expect(missingNextYearWarning(cal, '2025-06-01')).toBeNull();
  });

  it.each(['2025-02-30', '2025/03/01', 'tomorrow'])('refuses the date %s', (received) => {
    expect(() => computeDeadline({ received }, calendar)).toThrow(/YYYY-MM-DD/);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      computeDeadline({ received: '2025-03-03', pauses: [{ from: '2025-03-10', to: '2025-03-05' }] }, calendar),
    ).toThrow(/早于/);
  });
});
