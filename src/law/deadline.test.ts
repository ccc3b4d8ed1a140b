import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { WorkingCalendar } from './calendar.ts';
import { seedCalendarYears } from './calendar-seed.ts';
import { computeDeadline, consultationReplyDue, correctionNoticeDue, feePaymentDue } from './deadline.ts';
import { REGIME_2007, REGIME_2019, regimeFor } from './regimes.ts';

const calendar = new WorkingCalendar(seedCalendarYears());

// Every expected date below was counted by hand on the year's notice; the count is in the comment as
// "date (n-th working day)". The day of receipt is never counted.
describe('第三十三条: 20 working days after the day of receipt', () => {
  it.each([
    // 国办发明电〔2024〕12号: 10-01…10-08 off; 09-28 (Sun) and 10-11 (Sat) worked. 9/27 Sat off;
    // 9/28 (1), 9/29–30 (3); 10/9–11 (6); 10/13–17 (11); 10/20–24 (16); 10/27–30 (20).
    ['receipt the Friday before 国庆 2025', '2025-09-26', '2025-10-30'],
    // 国办发明电〔2023〕7号: 10-01…10-07 off; 09-29 (Sun) and 10-12 (Sat) worked. 9/28 Sat off;
    // 9/29–30 (2); 10/8–12 (7); 10/14–18 (12); 10/21–25 (17); 10/28–30 (20).
    ['receipt the Friday before 国庆 2024', '2024-09-27', '2024-10-30'],
    // 2024 春节 02-10…02-17 off, 02-04 and 02-18 (Sun) worked; 除夕 02-09 a working day.
    // 2/9 (1); 2/18 (2); 2/19–23 (7); 2/26–3/1 (12); 3/4–8 (17); 3/11–13 (20).
    ['receipt the day before 除夕, 春节 2024', '2024-02-08', '2024-03-13'],
    // 2025 春节 01-28…02-04 off; 01-26 (Sun), 02-08 (Sat) worked. 1/25 Sat off; 1/26–27 (2);
    // 2/5–8 (6); 2/10–14 (11); 2/17–21 (16); 2/24–27 (20).
    ['receipt the Friday before 春节 2025', '2025-01-24', '2025-02-27'],
    // 元旦 2025-01-01 (Wed) only. 12/23–27 (5); 12/30–31 (7); 1/2–3 (9); 1/6–10 (14); 1/13–17 (19); 1/20 (20).
    ['year end: receipt 2024-12-20, crossing 元旦', '2024-12-20', '2025-01-20'],
    // Counting starts after the break: 10/9–11 (3); 10/13–17 (8); 10/20–24 (13); 10/27–31 (18); 11/3–4 (20).
    ['receipt on a holiday (国庆 2025-10-03)', '2025-10-03', '2025-11-04'],
    // 3/3–7 (5); 3/10–14 (10); 3/17–21 (15); 3/24–28 (20).
    ['receipt on a Saturday', '2025-03-01', '2025-03-28'],
    ['receipt on a Sunday counts the same as Saturday', '2025-03-02', '2025-03-28'],
    // 2026 (国办发明电〔2025〕7号): 9/20 (Sun) worked; 9/25–27 中秋, 10/1–7 国庆 off; 10/10 (Sat) worked.
    // 9/20 (1); 9/21–24 (5); 9/28–30 (8); 10/8–10 (11); 10/12–16 (16); 10/19–22 (20).
    ['receipt before 中秋 and 国庆 2026', '2026-09-19', '2026-10-22'],
    // 国办发明电〔2020〕1号 extended 春节 to 02-02 (Saturday 02-01 no longer worked). 1/23 (1);
    // 2/3–7 (6); 2/10–14 (11); 2/17–21 (16); 2/24–27 (20).
    ['receipt before the extended 春节 2020', '2020-01-22', '2020-02-27'],
  ])('%s', (_name, received, due) => {
    const d = computeDeadline({ received }, calendar);
    expect(d.regime).toBe('2019');
    expect(d.due).toBe(due);
    expect(d.firstDue).toBe(due);
    expect(d.workingDaysCounted).toBe(20);
  });

  it('explains itself in date order: receipt, skipped days with the notice, 调休 days, the due date', () => {
    expect(computeDeadline({ received: '2025-09-26' }, calendar).explanation).toEqual([
      '适用《中华人民共和国政府信息公开条例》（国务院令第711号）第三十三条第二款：自收到申请之日起20个工作日内答复。',
      '2025-09-26（周五）收到申请，当日不计入期限。',
      '2025-09-27（周六）：周末，不计（1天）',
      '2025-09-28（周日）：国庆节、中秋节调休上班日，依国办发明电〔2024〕12号计为工作日',
      '2025-10-01至2025-10-08：国庆节、中秋节假期，依国办发明电〔2024〕12号，不计（8天）',
      '2025-10-11（周六）：国庆节、中秋节调休上班日，依国办发明电〔2024〕12号计为工作日',
      '2025-10-12（周日）：周末，不计（1天）',
      '2025-10-18至2025-10-19：周末，不计（2天）',
      '2025-10-25至2025-10-26：周末，不计（2天）',
      '第20个工作日为2025-10-30（周四）。',
      '答复期限：2025-10-30（周四）。',
    ]);
  });
});

describe('第三十条 补正: the period restarts on receipt of the correction', () => {
  it.each([
    // From 3/10: 3/11–14 (4); 3/17–21 (9); 3/24–28 (14); 3/31–4/3 (18); 4/4–6 清明 off; 4/7–8 (20).
    ['correction a week later', '2025-03-03', '2025-03-10', '2025-04-08'],
    // Correction received on the day of receipt: same as no correction. 3/4–7 (4) … 3/31 (20).
    ['correction the same day', '2025-03-03', '2025-03-03', '2025-03-31'],
    // Correction received during 国庆: counting starts 10/9 as in the holiday-receipt case.
    ['correction received during a holiday', '2025-09-20', '2025-10-03', '2025-11-04'],
  ])('%s', (_name, received, correctionReceived, due) => {
    const d = computeDeadline({ received, correctionReceived }, calendar);
    expect(d.start).toBe(correctionReceived);
    expect(d.due).toBe(due);
  });

  it('says so in the explanation, citing the regime’s article', () => {
    const text = computeDeadline({ received: '2025-03-03', correctionReceived: '2025-03-10' }, calendar).explanation;
    expect(text).toContain('2025-03-10（周一）收到补正材料，答复期限自该日重新计算（第三十条），当日不计入。');
    const old = computeDeadline({ received: '2018-03-01', correctionReceived: '2018-03-05' }, calendar).explanation;
    expect(old.join('\n')).toContain('第二十一条第（四）项');
  });

  it('refuses a correction before the application', () => {
    expect(() => computeDeadline({ received: '2025-03-10', correctionReceived: '2025-03-03' }, calendar)).toThrow(
      AppError,
    );
  });
});

describe('第三十三条第三款: consultation days are not counted (FROM and TO inclusive)', () => {
  // Without a pause, receipt 2025-03-03 is due 2025-03-31: 3/4–7 (4); 3/10–14 (9); 3/17–21 (14); 3/24–28 (19); 3/31 (20).
  it.each([
    // 3/4–7 (4); 3/17–21 (9); 3/24–28 (14); 3/31–4/3 (18); 清明 4/4–6; 4/7–8 (20).
    ['a five-day pause', [{ from: '2025-03-10', to: '2025-03-14' }], '2025-04-08'],
    // 3/4–7 (4); 3/11–14 (8); 3/17–21 (13); 3/24–28 (18); 3/31–4/1 (20).
    ['a one-day pause (FROM = TO)', [{ from: '2025-03-10', to: '2025-03-10' }], '2025-04-01'],
    // Both bounds excluded: 3/4–7 (4); 3/12–14 (7); 3/17–21 (12); 3/24–28 (17); 3/31–4/2 (20).
    ['a two-day pause, both bounds excluded', [{ from: '2025-03-10', to: '2025-03-11' }], '2025-04-02'],
    ['a pause over a weekend only', [{ from: '2025-03-08', to: '2025-03-09' }], '2025-03-31'],
    ['a pause before the receipt', [{ from: '2025-02-24', to: '2025-02-28' }], '2025-03-31'],
    // Two pauses of one day each: two working days later than 3/31 → 4/2.
    [
      'two separate pauses',
      [
        { from: '2025-03-05', to: '2025-03-05' },
        { from: '2025-03-20', to: '2025-03-20' },
      ],
      '2025-04-02',
    ],
  ])('%s', (_name, pauses, due) => {
    expect(computeDeadline({ received: '2025-03-03', pauses }, calendar).due).toBe(due);
  });

  it('does not count a 调休 working day that falls inside a pause', () => {
    // 2025-09-28 (Sun) is a 调休 working day; paused, the 20th working day moves from 10/30 to 10/31.
    const d = computeDeadline({ received: '2025-09-26', pauses: [{ from: '2025-09-28', to: '2025-09-28' }] }, calendar);
    expect(d.due).toBe('2025-10-31');
    expect(d.explanation.join('\n')).not.toContain('2025-09-28（周日）：国庆节、中秋节调休上班日');
    expect(d.explanation).toContain(
      '2025-09-28（周日）：征求第三方或其他机关意见，所需时间不计算在期限内（第三十三条第三款），不计（1天）',
    );
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      computeDeadline({ received: '2025-03-03', pauses: [{ from: '2025-03-10', to: '2025-03-05' }] }, calendar),
    ).toThrow(/早于/);
  });
});

describe('extension: the regime’s extension counted after the first due date', () => {
  it.each([
    // First due 3/31; then 4/1–3 (3); 清明 4/4–6; 4/7–11 (8); 4/14–18 (13); 4/21–25 (18); 4/27 Sun 调休 (19); 4/28 (20).
    ['2019: +20 working days', '2025-03-03', '2025-03-31', '2025-04-28'],
    // First due 10/30 (above); 10/31 (1); 11/3–7 (6); 11/10–14 (11); 11/17–21 (16); 11/24–27 (20).
    ['2019: +20 after a 国庆 first period', '2025-09-26', '2025-10-30', '2025-11-27'],
    // 2007 regime, 15 + 15: 3/2 (1); 3/5–9 (6); 3/12–16 (11); 3/19–22 (15) → 3/22. Then 3/23 (1); 3/26–30 (6);
    // 4/2–4 (9); 清明 4/5–7 off; 4/8 Sun 调休 (10); 4/9–13 (15).
    ['2007: +15 working days (2018 receipt)', '2018-03-01', '2018-03-22', '2018-04-13'],
  ])('%s', (_name, received, firstDue, due) => {
    const d = computeDeadline({ received, extended: true }, calendar);
    expect(d.firstDue).toBe(firstDue);
    expect(d.due).toBe(due);
    expect(d.extended).toBe(true);
    expect(d.workingDaysCounted).toBe(d.regime === '2019' ? 40 : 30);
  });

  it('combines a pause and an extension (the CLI example)', () => {
    // 9/28–30 (3); 10/9–11 (6); pause 10/13–17; 10/20–24 (11); 10/27–31 (16); 11/3–6 (20) → 11/6.
    // Then 11/7 (1); 11/10–14 (6); 11/17–21 (11); 11/24–28 (16); 12/1–4 (20).
    const d = computeDeadline(
      { received: '2025-09-26', pauses: [{ from: '2025-10-13', to: '2025-10-17' }], extended: true },
      calendar,
    );
    expect([d.firstDue, d.due]).toEqual(['2025-11-06', '2025-12-04']);
    expect(d.explanation).toContain(
      '经政府信息公开工作机构负责人同意并告知申请人，延长答复期限20个工作日（第三十三条第二款：最长不得超过20个工作日），自2025-11-06次日起算。',
    );
  });
});

describe('the regime follows the day of receipt unless given', () => {
  it.each([
    // 2007: 15 days. 5/15–17 (3); 5/20–24 (8); 5/27–31 (13); 6/3–4 (15).
    ['2019-05-14, the last day of the 2007 条例', '2019-05-14', '2007', '2019-06-04'],
    // 2019: 20 days. 5/16–17 (2); 5/20–24 (7); 5/27–31 (12); 6/3–6 (16); 端午 6/7–9 off; 6/10–13 (20).
    ['2019-05-15, the first day of the 2019 条例', '2019-05-15', '2019', '2019-06-13'],
    // 2007 over the changed 劳动节 2019 (国办发明电〔2019〕3号): 4/28 Sun (1); 4/29–30 (3); 5/1–4 off;
    // 5/5 Sun (4); 5/6–10 (9); 5/13–17 (14); 5/20 (15).
    ['a 2007-regime application over 劳动节 2019', '2019-04-26', '2007', '2019-05-20'],
    // 2007: 3/2 (1); 3/5–9 (6); 3/12–16 (11); 3/19–22 (15).
    ['a 2018 application', '2018-03-01', '2007', '2018-03-22'],
  ])('%s', (_name, received, regime, due) => {
    const d = computeDeadline({ received }, calendar);
    expect(d.regime).toBe(regime);
    expect(d.due).toBe(due);
    expect(regimeFor(received).id).toBe(regime);
  });

  it('follows an explicit regime', () => {
    // 15 days from 2025-03-03: 3/4–7 (4); 3/10–14 (9); 3/17–21 (14); 3/24 (15).
    expect(computeDeadline({ received: '2025-03-03', regime: '2007' }, calendar).due).toBe('2025-03-24');
    expect(() => computeDeadline({ received: '2025-03-03', regime: '2020' as '2019' }, calendar)).toThrow(AppError);
  });

  it('keeps the periods as data', () => {
    expect([REGIME_2019.answerDays, REGIME_2019.extensionDays, REGIME_2019.correctionNoticeDays]).toEqual([20, 20, 7]);
    expect([REGIME_2007.answerDays, REGIME_2007.extensionDays, REGIME_2007.correctionNoticeDays]).toEqual([
      15,
      15,
      null,
    ]);
  });
});

describe('the other working-day periods of the procedure', () => {
  it.each([
    // 第三十条 7 days: 9/28 (1); 9/29–30 (3); 10/9–11 (6); 10/13 (7).
    ['补正 notice, 7 working days (第三十条)', correctionNoticeDue, '2025-09-26', '2025-10-13'],
    // 3/4–7 (4); 3/10–12 (7).
    ['补正 notice from an ordinary Monday', correctionNoticeDue, '2025-03-03', '2025-03-12'],
    // 第三十二条 15 days: 9/28–30 (3); 10/9–11 (6); 10/13–17 (11); 10/20–23 (15).
    ['consultation reply, 15 working days (第三十二条)', consultationReplyDue, '2025-09-26', '2025-10-23'],
    // 20 days, as the answer period above.
    ['fee payment, 20 working days (处理费办法)', feePaymentDue, '2025-09-26', '2025-10-30'],
  ])('%s', (_name, fn, from, due) => {
    expect(fn(from, calendar)).toBe(due);
  });
});

describe('calendar gaps and bad input', () => {
  it.each([
    ['a period running into 2027', '2026-12-15', '2027'],
    ['a receipt in 2031', '2031-03-03', '2031'],
  ])('refuses %s, naming the missing year', (_name, received, year) => {
    const small = new WorkingCalendar(seedCalendarYears().filter((y) => y.year <= 2026));
    expect(() => computeDeadline({ received }, small)).toThrow(
      expect.objectContaining({ code: 'calendar_missing', message: expect.stringContaining(`${year}年`) }),
    );
  });

  it.each(['2025-02-30', '2025/03/01', 'tomorrow', '2025-3-1'])('refuses the date %s', (received) => {
    expect(() => computeDeadline({ received }, calendar)).toThrow(/YYYY-MM-DD/);
  });
});
