/** Deadline computations per second over receipt dates spread across 2019–2025. */
import { WorkingCalendar } from '../src/law/calendar.ts';
import { seedCalendarYears } from '../src/law/calendar-seed.ts';
import { addDays } from '../src/law/dates.ts';
import { computeDeadline } from '../src/law/deadline.ts';

export default async function benchDeadline(): Promise<void> {
  const calendar = new WorkingCalendar(seedCalendarYears());
  const n = 100_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const received = addDays('2019-06-01', i % 2300);
    computeDeadline(
      {
        received,
        extended: i % 7 === 0,
        pauses: i % 11 === 0 ? [{ from: addDays(received, 3), to: addDays(received, 9) }] : [],
      },
      calendar,
    );
  }
  const ms = performance.now() - start;
  console.log(
    `deadline: ${n} computations in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000)} per second (with explanations)`,
  );
}
