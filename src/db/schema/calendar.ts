/** The working-day calendar as data: one row per year of the State Council's notice (src/calendar-store). */
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  makeupWorkdays: jsonb('makeup_workdays').$type<string[]>().notNull(),
  notice: text('notice').notNull(),
  names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
  /** 'seed' (chinese-days) or 'admin'. */
  source: text('source').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export type CalendarYearRow = typeof calendarYears.$inferSelect;
