import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.ts';
import { seedCalendarYears } from './calendar-seed.ts';
import { CLOCK_STOPPED_STATES, type ClockInput, deriveClock, FEE_WAIT_STOPS_CLOCK, isOverdue } from './case-clock.ts';
import { computeDeadline } from './deadline.ts';

const calendar = new WorkingCalendar(seedCalendarYears(), { provisional: true });
const base: ClockInput = { regime: '2019', state: 'received', receivedOn: '2025-03-03' };
const clock = (input: Partial<ClockInput>, today = '2025-03-20') => deriveClock({ ...base, ...input }, calendar, today);

// 2025-03-03 (Mon) received: 3/4–7 (4); 3/10–14 (9); 3/17–21 (14); 3/24–28 (19); 3/31 (20).
describe('the clock of one case (src/law/case-clock.ts)', () => {
  it('agrees with the statutory due date when nothing else happened', () => {
    expect(clock({}).dueOn).toBe('2025-03-31');
    expect(clock({}).dueOn).toBe(computeDeadline({ received: '2025-03-03' }, calendar).due);
  });

  it.each<[string, string, boolean]>([
    ['running and past its due date: 逾期', 'received', true],
    ['consulting and past its (paused) due date: 逾期', 'consulting', true],
    ['waiting for the 补正 (第三十条: the period restarts on its receipt): not 逾期', 'awaiting_correction', false],
    ['waiting for the fee (FEE_WAIT_STOPS_CLOCK): not 逾期', 'awaiting_fee', !FEE_WAIT_STOPS_CLOCK],
    ['replied: not 逾期', 'replied', false],
    ['withdrawn: not 逾期', 'withdrawn', false],
  ])('%s', (_name, state, overdue) => {
    expect(isOverdue({ state, dueOn: '2025-03-31' }, '2025-04-01')).toBe(overdue);
    expect(CLOCK_STOPPED_STATES.includes(state)).toBe(!overdue);
  });

  it('a case waiting for its 补正 says the clock is stopped and why', () => {
    const k = clock({ state: 'awaiting_correction' });
    expect(k.stoppedBy).toBe('correction');
    expect(k.explanation.join('\n')).toContain('答复期限自收到补正之日起重新计算（第三十条）');
  });

  it.each<[string, Partial<ClockInput>, string]>([
    // Window from the party's receipt 3/12: 3/13–14 (2); 3/17–21 (7); 3/24–28 (12); 3/31–4/2 (15) → 4/2.
    // Paused 3/10–4/2; 3/4–7 (4); 4/3 (5); 4/4 清明 off; 4/7–11 (10); 4/14–18 (15); 4/21–25 (20).
    [
      '第三十二条: the third party’s 15 days run from its receipt of the letter, not from sending',
      {
        state: 'consulting',
        consultations: [{ kind: 'third_party', sentOn: '2025-03-10', partyReceivedOn: '2025-03-12' }],
      },
      '2025-04-25',
    ],
    // Receipt unknown: window 3/11–14 (4) … 3/31 (15); paused 3/10–3/31; 4/1–3 (7); 4/7–11 (12); 4/14–18 (17); 4/21–23 (20).
    [
      'receipt not recorded: the window is counted from sending (the earliest it can end)',
      { state: 'consulting', consultations: [{ kind: 'third_party', sentOn: '2025-03-10' }] },
      '2025-04-23',
    ],
    // Two consultations, each its own: A answered 3/12, B open to its window end 3/31 — the union 3/10–3/31.
    [
      'two consultations: each pauses for its own span',
      {
        state: 'consulting',
        consultations: [
          { kind: 'third_party', sentOn: '2025-03-10', answeredOn: '2025-03-12' },
          { kind: 'agency', sentOn: '2025-03-10' },
        ],
      },
      '2025-04-23',
    ],
    // Extension of 10 working days chosen: 4/1–3 (3); 4/4 清明; 4/7–11 (8); 4/14–15 (10).
    ['第三十三条第二款: an extension of 10 working days, not always 20', { extensionDays: 10 }, '2025-04-15'],
    // 第三十五条: the agency-set date replaces the statutory one.
    [
      '第三十五条: the reasonable period set and told to the applicant',
      { reasonablePeriod: { due: '2025-05-30', setOn: '2025-03-20' } },
      '2025-05-30',
    ],
    // Fee: notice 3/5, paid 3/14, paused 3/5–3/14. 3/4 (1); 3/17–21 (6); 3/24–28 (11); 3/31–4/3 (15); 4/7–11 (20).
    [
      'the fee wait (notice to payment) is not counted (FEE_WAIT_STOPS_CLOCK)',
      { fee: { noticeOn: '2025-03-05', noticeReceivedOn: '2025-03-05', paidOn: '2025-03-14' } },
      FEE_WAIT_STOPS_CLOCK ? '2025-04-11' : '2025-03-31',
    ],
  ])('%s', (_name, input, due) => {
    expect(clock(input).dueOn).toBe(due);
  });

  it('the fee wait is explained with its named, cited choice', () => {
    const k = clock({ state: 'awaiting_fee', fee: { noticeOn: '2025-03-05' } });
    expect(k.stoppedBy).toBe(FEE_WAIT_STOPS_CLOCK ? 'fee' : null);
    expect(k.explanation.join('\n')).toContain('《政府信息公开信息处理费管理办法》');
    expect(k.pausedSpans[0]).toMatchObject({ from: '2025-03-05', reason: '等待缴纳信息处理费' });
  });

  it('refuses an extension longer than the regime allows', () => {
    expect(() => clock({ extensionDays: 21 })).toThrow(/1至20个工作日/);
    expect(() => clock({ regime: '2007', receivedOn: '2018-03-01', extensionDays: 16 })).toThrow(/1至15个工作日/);
  });
});

describe('2007 regime (国务院令第492号)', () => {
  // 2018-03-01 (Thu), 15 working days: 3/2 (1); 3/5–9 (6); 3/12–16 (11); 3/19–22 (15).
  const old = (input: Partial<ClockInput>, today = '2018-06-01') =>
    deriveClock({ regime: '2007', state: 'consulting', receivedOn: '2018-03-01', ...input }, calendar, today);

  it('第二十四条第三款: consulting another agency is counted (only a third party pauses the clock)', () => {
    const k = old({ consultations: [{ kind: 'agency', sentOn: '2018-03-05', answeredOn: '2018-03-30' }] });
    expect(k.dueOn).toBe('2018-03-22');
    expect(k.explanation.join('\n')).toContain('征求其他行政机关意见');
  });

  it('第二十三条 gives the third party no 15-day window: the pause lasts until the answer', () => {
    // Paused 3/5–4/20 (longer than 15 working days); 3/2 (1); 4/23–27 (6); 4/28 (Sat, 调休上班) (7);
    // 5/2–4 (10) after 劳动节 4/29–5/1; 5/7–11 (15).
    const answered = old({ consultations: [{ kind: 'third_party', sentOn: '2018-03-05', answeredOn: '2018-04-20' }] });
    expect(answered.dueOn).toBe('2018-05-11');
    // Still open: paused up to today.
    const open = old({ consultations: [{ kind: 'third_party', sentOn: '2018-03-05' }] }, '2018-04-20');
    expect(open.dueOn).toBe('2018-05-11');
  });
});

describe('explain: false (lists and bulk recomputes)', () => {
  it.each<[string, Partial<ClockInput>]>([
    ['plain', {}],
    ['extended 10', { extensionDays: 10 }],
    [
      'with a consultation',
      { consultations: [{ kind: 'third_party', sentOn: '2025-03-10', partyReceivedOn: '2025-03-12' }] },
    ],
  ])('gives the same due dates as the explained clock: %s', (_name, input) => {
    const full = deriveClock({ ...base, ...input }, calendar, '2025-03-20');
    const bare = deriveClock({ ...base, ...input }, calendar, '2025-03-20', { explain: false });
    expect([bare.dueOn, bare.firstDueOn, bare.provisional]).toEqual([full.dueOn, full.firstDueOn, full.provisional]);
    expect(bare.explanation.length).toBeLessThan(full.explanation.length);
  });
});
