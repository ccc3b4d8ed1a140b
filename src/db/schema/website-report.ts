/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): what a 网站主办单位 enters by hand for a year — the figures the
 * platform does not hold (访问量, 办事服务, 互动交流, 安全防护…), each with its source system — its status
 * (draft, locked) and an optimistic version. The platform's own figures are computed when shown (src/standards/
 * website-report/) and frozen here when the report is locked.
 */
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';

export const websiteReportStatuses = ['draft', 'locked'] as const;
export type WebsiteReportStatus = (typeof websiteReportStatuses)[number];

/** An entered figure: its value (number, 是/否 as boolean, text) and where it was taken from. */
export interface StoredFigure {
  value: number | boolean | string | null;
  source: string;
  by: number | null;
  at: string;
}

export const websiteReports = pgTable(
  'website_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 网站主办单位 */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    /** Entered figures by key (src/standards/website-report/layout.ts). */
    entered: jsonb('entered').$type<Record<string, StoredFigure>>().notNull().default({}),
    /**
     * The platform's figures frozen when the report is locked (values and their sources), so a locked report
     * no longer moves with the catalog; null while a draft (computed when shown).
     */
    computed: jsonb('computed').$type<{ values: Record<string, unknown>; sources: Record<string, unknown> }>(),
    status: text('status', { enum: websiteReportStatuses }).notNull().default('draft'),
    /** Bumped by every save and lock; a save names the version it was shown. */
    version: integer('version').notNull().default(1),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: integer('locked_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('website_reports_agency_year_idx').on(t.agencyId, t.year),
    check('website_reports_status_check', sql`${t.status} in ('draft', 'locked')`),
    check('website_reports_year_check', sql`${t.year} between 2017 and 2100`),
    check('website_reports_version_check', sql`${t.version} >= 1`),
    check('website_reports_locked_check', sql`(${t.status} = 'locked') = (${t.lockedAt} is not null)`),
    check('website_reports_frozen_check', sql`(${t.status} = 'locked') = (${t.computed} is not null)`),
  ],
);

export type WebsiteReportRow = typeof websiteReports.$inferSelect;
