/**
 * The reminder sweep as a job: open cases due within three days or overdue get their reminder
 * (src/cases/sweep.ts; once a day per case, so an hourly run only adds the cases that became due since).
 * Skipped on a day the working-day calendar says is not a working day (weekends, 法定节假日), run on a
 * 调休 Saturday: the 答复期限 of 第三十三条 counts working days, and so do the people reminded.
 */
import { loadCalendar } from '../calendar-store/index.ts';
import { sweepReminders } from '../cases/sweep.ts';
import type { Job, JobResult } from './job.ts';

/** Cases reminded per transaction; a run takes batches until one comes back short. */
const BATCH = 500;
/** A run stops after this many batches (the next run goes on). */
const MAX_BATCHES = 20;

export const reminderSweep = {
  name: 'reminder-sweep' as const,
  title: '办理期限提醒',
  async run(deps): Promise<JobResult> {
    const today = deps.clock.today();
    const calendar = await loadCalendar(deps.db);
    // A year the calendar lacks is no reason to stay silent about deadlines: remind.
    if (calendar.hasYear(Number(today.slice(0, 4))) && !calendar.isWorkingDay(today))
      return { reminded: 0, skipped: 'non_working_day' };
    let reminded = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const n = await sweepReminders(deps, { limit: BATCH });
      reminded += n;
      if (n < BATCH) break;
    }
    return { reminded };
  },
} satisfies Job;
