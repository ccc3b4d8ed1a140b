/**
 * 基层政务公开标准目录 (国办发〔2019〕54号, 26 试点领域; issue #17): the standard items as editable templates,
 * an agency's adopted copies (which it may edit), and — on catalog_items — the 事项 each item publishes.
 * src/standards/directory/ has the seed data and the completeness view.
 */
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';

/** The fields of a 标准目录 item, a template's and an adopted copy's alike. */
const itemColumns = () => ({
  /** 试点领域 code (src/standards/directory/areas.ts), e.g. 'fiscal'. */
  area: text('area').notNull(),
  /** 一级事项 */
  level1: text('level1').notNull(),
  /** 二级事项 */
  level2: text('level2').notNull(),
  /** 公开内容（要素） */
  content: text('content').notNull().default(''),
  /** 公开依据 */
  basis: text('basis').notNull().default(''),
  /** 公开时限 as written (parsed by src/standards/directory/time-limit.ts). */
  timeLimit: text('time_limit').notNull(),
  /** 公开主体 */
  subject: text('subject').notNull().default(''),
  /** 公开渠道和载体 */
  channels: jsonb('channels').$type<string[]>().notNull().default([]),
  /** 公开对象: 全社会 and/or 特定群体. */
  forPublic: boolean('for_public').notNull().default(true),
  forGroup: boolean('for_group').notNull().default(false),
  /** 公开方式: 主动 and/or 依申请. */
  proactive: boolean('proactive').notNull().default(true),
  onRequest: boolean('on_request').notNull().default(false),
  /** 公开层级: 'county' (县级), 'town' (乡级). */
  levels: jsonb('levels').$type<string[]>().notNull().default(['county']),
  /** The catalog directory code (第二十条/第二十一条) its information is usually published under. */
  category: text('category'),
});

/** The templates: seeded from src/standards/directory/templates.ts, editable by an administrator. */
export const standardDirectoryItems = pgTable(
  'standard_directory_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Stable key of a seeded item ('fiscal.budget'), so seeding again does not duplicate. */
    key: text('key').notNull(),
    seq: integer('seq').notNull().default(0),
    ...itemColumns(),
    /** Where the item's wording comes from (the 领域标准指引 or a county's published 目录). */
    source: text('source').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('standard_directory_items_key_idx').on(t.key),
    index('standard_directory_items_area_idx').on(t.area, t.seq),
  ],
);

/** An agency's 标准目录: its copy of each adopted item, edited to its own 主体, 渠道, 时限; retired, never deleted. */
export const agencyStandardItems = pgTable(
  'agency_standard_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    templateId: integer('template_id')
      .notNull()
      .references(() => standardDirectoryItems.id),
    ...itemColumns(),
    /** The day from which the unit answers for the item (an annual item is due from this year on). */
    adoptedOn: date('adopted_on').notNull(),
    adoptedBy: integer('adopted_by').references(() => users.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: integer('retired_by').references(() => users.id),
    retireReason: text('retire_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('agency_standard_items_agency_template_idx').on(t.agencyId, t.templateId),
    index('agency_standard_items_area_idx').on(t.agencyId, t.area),
  ],
);

export type StandardDirectoryItem = typeof standardDirectoryItems.$inferSelect;
export type AgencyStandardItem = typeof agencyStandardItems.$inferSelect;
