/**
 * The case clock (src/law/case-clock.ts) over 100,000 cases — a whole county's inbox: the full derivation
 * with its day-by-day explanation (what a change or a calendar recompute does per case), and the 逾期 /
 * 临期 marks every list computes from the stored due date. Target: under 1 s each.
 */
import { WorkingCalendar } from '../src/law/calendar.ts';
import { seedCalendarYears } from '../src/law/calendar-seed.ts';
import { type ClockInput, deriveClock, isDueSoon, isOverdue } from '../src/law/case-clock.ts';
import { type CaseEvent, clockInputFromEvents } from '../src/law/case-events.ts';
import { addDays } from '../src/law/dates.ts';

export default async function benchClock(): Promise<void> {
  const calendar = new WorkingCalendar(seedCalendarYears(), { provisional: true });
  const n = 100_000;
  const states = ['received', 'consulting', 'awaiting_correction', 'awaiting_fee', 'replied'];
  const inputs: ClockInput[] = Array.from({ length: n }, (_, i) => {
    const receivedOn = addDays('2019-06-01', i % 2700);
    return {
      regime: '2019',
      state: states[i % states.length],
      receivedOn,
      correctionReceivedOn: i % 13 === 0 ? addDays(receivedOn, 6) : null,
      consultations:
        i % 11 === 0
          ? [{ kind: 'third_party', sentOn: addDays(receivedOn, 3), partyReceivedOn: addDays(receivedOn, 5) }]
          : [],
      fee: i % 17 === 0 ? { noticeOn: addDays(receivedOn, 2), noticeReceivedOn: addDays(receivedOn, 4) } : null,
      extensionDays: i % 7 === 0 ? 10 + (i % 11) : null,
    };
  });
  const today = '2026-12-03';
  let start = performance.now();
  const dues: { state: string; dueOn: string }[] = [];
  for (const input of inputs) dues.push({ state: input.state, dueOn: deriveClock(input, calendar, today).dueOn });
  let ms = performance.now() - start;
  console.log(`clock: ${n} cases derived with explanations in ${ms.toFixed(0)} ms (target < 1000 ms)`);
  start = performance.now();
  for (const input of inputs) deriveClock(input, calendar, today, { explain: false });
  ms = performance.now() - start;
  console.log(`clock: ${n} cases derived, due dates only (explain: false), in ${ms.toFixed(0)} ms (target < 1000 ms)`);
  // A case is its statutory events (issue 13): the same cases as events, folded, then derived.
  const histories: CaseEvent[][] = inputs.map((input, i) => {
    const e: CaseEvent[] = [{ kind: 'received', on: input.receivedOn, data: {} }];
    if (input.correctionReceivedOn) {
      e.push({ kind: 'correction_requested', on: addDays(input.receivedOn, 2), data: {} });
      e.push({ kind: 'correction_received', on: input.correctionReceivedOn, data: {} });
    }
    for (const [k, c] of (input.consultations ?? []).entries()) {
      e.push({ kind: 'consultation_sent', on: c.sentOn, data: { consultationId: k, kind: c.kind } });
      if (c.partyReceivedOn)
        e.push({ kind: 'consultation_received_by_party', on: c.partyReceivedOn, data: { consultationId: k } });
    }
    if (input.fee) e.push({ kind: 'fee_notice_sent', on: input.fee.noticeOn, data: {} });
    if (input.extensionDays)
      e.push({ kind: 'extended', on: addDays(input.receivedOn, 20), data: { days: input.extensionDays } });
    if (i % 5 === 4) e.push({ kind: 'replied', on: addDays(input.receivedOn, 25), data: {} });
    return e;
  });
  start = performance.now();
  for (const events of histories)
    deriveClock(clockInputFromEvents('2019', events), calendar, today, { explain: false });
  ms = performance.now() - start;
  console.log(`clock: ${n} cases folded from their events and derived in ${ms.toFixed(0)} ms (target < 1000 ms)`);
  start = performance.now();
  let overdue = 0;
  let soon = 0;
  for (const d of dues) {
    if (isOverdue(d, today)) overdue++;
    else if (isDueSoon(d, today)) soon++;
  }
  ms = performance.now() - start;
  console.log(`clock: 逾期/临期 marks of ${n} cases in ${ms.toFixed(1)} ms (${overdue} 逾期, ${soon} 临期)`);
}
