/** The clock's facts folded from a case's statutory events (issue #13), one statute point per test. */
import { describe, expect, it } from 'vitest';
import { type CaseEvent, clockInputFromEvents } from './case-events.ts';

const ev = (kind: CaseEvent['kind'], on: string, data: Record<string, unknown> = {}): CaseEvent => ({ kind, on, data });

describe('clockInputFromEvents', () => {
  it('receipt alone: the period runs from the receipt (第三十一条, 第三十三条)', () => {
    expect(clockInputFromEvents('2019', [ev('received', '2025-03-03')])).toMatchObject({
      state: 'received',
      receivedOn: '2025-03-03',
      correctionReceivedOn: null,
      consultations: [],
      fee: null,
      extensionDays: null,
    });
  });

  it('补正 awaited stops the clock; its arrival restarts the period from that day (第三十条)', () => {
    const waiting = [ev('received', '2025-03-03'), ev('correction_requested', '2025-03-05')];
    expect(clockInputFromEvents('2019', waiting).state).toBe('awaiting_correction');
    const back = clockInputFromEvents('2019', [...waiting, ev('correction_received', '2025-03-10')]);
    expect(back).toMatchObject({ state: 'received', correctionReceivedOn: '2025-03-10' });
  });

  it('each consultation its own: one answer leaves the other open (第三十二条, 第三十四条)', () => {
    const events = [
      ev('received', '2025-03-03'),
      ev('consultation_sent', '2025-03-05', { consultationId: 1, kind: 'third_party' }),
      ev('consultation_sent', '2025-03-06', { consultationId: 2, kind: 'agency' }),
      ev('consultation_received_by_party', '2025-03-07', { consultationId: 1 }),
      ev('consultation_answered', '2025-03-12', { consultationId: 2 }),
    ];
    const facts = clockInputFromEvents('2019', events);
    expect(facts.state).toBe('consulting');
    expect(facts.consultations).toEqual([
      { kind: 'third_party', sentOn: '2025-03-05', partyReceivedOn: '2025-03-07', answeredOn: null },
      { kind: 'agency', sentOn: '2025-03-06', partyReceivedOn: null, answeredOn: '2025-03-12' },
    ]);
    const both = clockInputFromEvents('2019', [
      ...events,
      ev('consultation_answered', '2025-03-14', { consultationId: 1 }),
    ]);
    expect(both.state).toBe('received');
  });

  it('an extension keeps its approved length, not always 20 (第三十三条第二款)', () => {
    expect(
      clockInputFromEvents('2019', [ev('received', '2025-03-03'), ev('extended', '2025-03-25', { days: 10 })])
        .extensionDays,
    ).toBe(10);
  });

  it('the fee wait from the notice to payment, the receipt of the notice recorded (第四十二条)', () => {
    const facts = clockInputFromEvents('2019', [
      ev('received', '2025-03-03'),
      ev('fee_notice_sent', '2025-03-05'),
      ev('fee_notice_received', '2025-03-07'),
    ]);
    expect(facts).toMatchObject({
      state: 'awaiting_fee',
      fee: { noticeOn: '2025-03-05', noticeReceivedOn: '2025-03-07', paidOn: null },
    });
    const paid = clockInputFromEvents('2019', [
      ev('received', '2025-03-03'),
      ev('fee_notice_sent', '2025-03-05'),
      ev('fee_paid', '2025-03-12'),
    ]);
    expect(paid).toMatchObject({ state: 'received', fee: { paidOn: '2025-03-12' } });
  });

  it('第三十五条: the agency-set period and the day the applicant was told', () => {
    expect(
      clockInputFromEvents('2019', [
        ev('received', '2025-03-03'),
        ev('reasonable_period_set', '2025-03-10', { dueOn: '2025-05-30' }),
      ]).reasonablePeriod,
    ).toEqual({ due: '2025-05-30', setOn: '2025-03-10' });
  });

  it('转办 counts from the receiving agency’s receipt; 退回 from the first agency’s again', () => {
    const moved = [ev('received', '2025-03-03'), ev('transferred', '2025-03-10')];
    expect(clockInputFromEvents('2019', moved).receivedOn).toBe('2025-03-10');
    expect(
      clockInputFromEvents('2019', [...moved, ev('transfer_returned', '2025-03-11', { receivedOn: '2025-03-03' })])
        .receivedOn,
    ).toBe('2025-03-03');
  });

  it.each([
    ['a reply', 'replied', 'replied'],
    ['no 补正 by the deadline (视为放弃)', 'correction_lapsed', 'replied'],
    ['no fee by the deadline', 'fee_lapsed', 'replied'],
    ['a withdrawal', 'withdrawn', 'withdrawn'],
  ] as const)('%s closes the case', (_name, kind, state) => {
    expect(clockInputFromEvents('2019', [ev('received', '2025-03-03'), ev(kind, '2025-03-20')]).state).toBe(state);
  });

  it('送达, 签收 and 协办 change nothing in the clock', () => {
    const base = [ev('received', '2025-03-03'), ev('replied', '2025-03-20')];
    expect(
      clockInputFromEvents('2019', [
        base[0],
        ev('assist_requested', '2025-03-04'),
        ev('signed_for', '2025-03-04'),
        base[1],
        ev('delivered', '2025-03-21'),
      ]),
    ).toEqual(clockInputFromEvents('2019', base));
  });
});
