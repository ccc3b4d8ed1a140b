/**
 * Annual reports kept by gongkai: an agency's own (computed from cases and the catalog, completed with its
 * narrative, locked, published, corrected with a reason) and reports imported from published documents
 * of any body (extracted, with provenance). One shape for both: the report model's values as JSON.
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';

export const reportOrigins = ['computed', 'imported'] as const;
export const reportStatuses = ['draft', 'locked', 'published'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
/** Whose records a computed report counts: 本机关 alone, or 本机关及所属单位合计 (a county's or city's consolidated report). */
export const countScopes = ['own', 'subtree'] as const;
export type CountScope = (typeof countScopes)[number];

export const annualReports = pgTable(
  'annual_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    origin: text('origin', { enum: reportOrigins }).notNull(),
    /** The agency of the tree, when the report is one of ours or matched to one. */
    agencyId: integer('agency_id').references(() => agencies.id),
    issuer: text('issuer').notNull(),
    /** The issuer's name normalised to match the same body across years (imported reports). */
    bodyKey: text('body_key').notNull(),
    year: integer('year').notNull(),
    format: text('format').notNull(),
    hasTable: boolean('has_table').notNull().default(true),
    countScope: text('count_scope', { enum: countScopes }).notNull().default('own'),
    values: jsonb('values').$type<Record<string, number | string | null>>().notNull(),
    narrative: jsonb('narrative')
      .$type<{ overview?: string; problems?: string; other?: string }>()
      .notNull()
      .default({}),
    provenance: jsonb('provenance').$type<Record<string, { line: number; text: string }>>(),
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    /** The imported file. */
    source: text('source'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_agency_year_idx').on(t.agencyId, t.year, t.origin),
    index('annual_reports_body_year_idx').on(t.bodyKey, t.year),
    index('annual_reports_year_idx').on(t.year),
  ],
);

/** Corrections of a published report, each with its reason (年报更正). */
export const reportCorrections = pgTable('report_corrections', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  reportId: integer('report_id')
    .notNull()
    .references(() => annualReports.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: integer('actor_id').references(() => users.id),
  reason: text('reason').notNull(),
  before: jsonb('before').$type<Record<string, unknown>>().notNull(),
  after: jsonb('after').$type<Record<string, unknown>>().notNull(),
});

export type AnnualReport = typeof annualReports.$inferSelect;
