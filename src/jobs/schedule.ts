/**
 * When each job runs: cron expressions as data, read in China's time zone. pg-boss keeps them on
 * PostgreSQL (one run per occurrence however many servers); on PGlite ./timer.ts reads the same lines.
 */
import { CronExpressionParser } from 'cron-parser';
import type { JobName } from './registry.ts';

export interface ScheduleEntry {
  /** Five fields (minute hour day-of-month month day-of-week), or six with seconds first. */
  cron: string;
  /** IANA time zone the expression is read in. */
  tz: string;
}

/** Entries by job name; a job without one is not scheduled. */
export type Schedule = Readonly<Record<string, ScheduleEntry | undefined>>;

export const SCHEDULE: Record<JobName, ScheduleEntry> = {
  // Every hour from 08:00 to 18:00 on the hour, every day: the job itself skips days the working-day
  // calendar marks as not working (a weekday cron would miss 调休 Saturdays and remind on 国庆).
  'reminder-sweep': { cron: '0 8-18 * * *', tz: 'Asia/Shanghai' },
  // Once a day, at night.
  'session-purge': { cron: '30 3 * * *', tz: 'Asia/Shanghai' },
  // Every Monday at 07:00, before the office opens: the week's 检查指标 cards.
  'standards-self-check': { cron: '0 7 * * 1', tz: 'Asia/Shanghai' },
  // Hourly, off the hour's other work: PGlite's statistics and full-text index kept as autovacuum keeps a server's.
  'database-upkeep': { cron: '17 * * * *', tz: 'Asia/Shanghai' },
};

/** The first occurrence of `entry` strictly after `after`. */
export function nextRun(entry: ScheduleEntry, after: Date): Date {
  return CronExpressionParser.parse(entry.cron, { tz: entry.tz, currentDate: after }).next().toDate();
}
