/**
 * 主动公开: the catalog of an agency's government information (items with the standard metadata, their
 * attachments and review steps), the 索引号 counters, per-agency settings (directory tree, review chain),
 * and the monthly figures staff enter for section 二 (第二十条第（五）（六）（八）（九）项).
 * Search: `search_text` holds the segmented tokens (src/catalog/search-tokens.ts); `search_vector` is
 * to_tsvector('simple', search_text), generated, with a GIN index.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';
import { bytea } from './columns.ts';
import { agencyStandardItems } from './standards.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface PiiOverride {
  by: number;
  at: string;
  reason: string;
  /** Fingerprint of the findings overridden: new personal data needs a new decision. */
  fingerprint: string;
  /** The second reviewer who confirmed it: an override takes effect only when two reviewers agree (issue #12). */
  confirmedBy?: number;
  confirmedAt?: string;
}

export interface ConfidentialityChecklist {
  /** 不涉及国家秘密 */
  stateSecret: boolean;
  /** 不涉及商业秘密 */
  commercialSecret: boolean;
  /** 不涉及个人隐私 */
  privacy: boolean;
}

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** 索引号: <统一社会信用代码>/<year>-<sequence>. */
    indexNo: text('index_no').notNull(),
    /** 发布机构 */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    title: text('title').notNull(),
    /** 文号 */
    docNo: text('doc_no'),
    /** 成文日期 (the day the information was formed). */
    writtenOn: date('written_on'),
    /** 发布日期 */
    publishedOn: date('published_on'),
    /** 主题分类 */
    theme: text('theme'),
    /** 体裁 */
    genre: text('genre'),
    /** 组配分类 / 文件类型: rule, normative, interpretation, other. */
    docType: text('doc_type').notNull().default('other'),
    /** Directory code (src/catalog/directory.ts). */
    category: text('category').notNull(),
    /** 公开方式: active, on_request, withheld. */
    disclosure: text('disclosure').notNull().default('active'),
    /** Why not 主动公开 (the legal ground), for on_request / withheld. */
    disclosureBasis: text('disclosure_basis'),
    /** Sanitised HTML. */
    body: text('body').notNull().default(''),
    /** 有效性 of 规章 / 行政规范性文件: valid, amended, repealed. */
    validity: text('validity'),
    effectiveOn: date('effective_on'),
    amendedOn: date('amended_on'),
    repealedOn: date('repealed_on'),
    /** A 政策解读's policy document. */
    interpretsId: integer('interprets_id'),
    /** The unit's 标准目录 事项 the item publishes (src/db/schema/standards.ts), if any. */
    standardItemId: integer('standard_item_id').references(() => agencyStandardItems.id),
    /** Publication channels: website, weibo, wechat, gazette, other. */
    channels: jsonb('channels').$type<string[]>().notNull().default(['website']),
    state: text('state').notNull().default('draft'),
    /** Index in the review chain of the step now due (in_review). */
    reviewStep: integer('review_step').notNull().default(0),
    /** The review chain in force when submitted. */
    reviewChain: jsonb('review_chain').$type<string[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    submittedBy: integer('submitted_by').references(() => users.id),
    piiOverride: jsonb('pii_override').$type<PiiOverride>(),
    /** 第二十六条: the last day to publish and whether publication was late. */
    publishDueOn: date('publish_due_on'),
    publishedLate: integer('published_late'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_items_index_no_idx').on(t.indexNo),
    index('catalog_items_agency_published_idx').on(t.agencyId, t.publishedOn),
    // Newest first with a stable tie-break: the portal lists and the search's walk (src/catalog/search.ts).
    index('catalog_items_state_published_idx').on(t.state, t.publishedOn, t.id),
    // An agency's list on the portal, newest first, and its counts (issue #18: by index only, not by filtering
    // every published item).
    index('catalog_items_agency_state_published_idx').on(t.agencyId, t.state, t.publishedOn, t.id),
    index('catalog_items_doc_type_idx').on(t.docType, t.agencyId),
    index('catalog_items_interprets_idx').on(t.interpretsId),
    index('catalog_items_standard_item_idx').on(t.standardItemId),
    index('catalog_items_search_idx').using('gin', t.searchVector),
  ],
);

export const catalogAttachments = pgTable(
  'catalog_attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => catalogItems.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** hex sha256 of content */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Text extracted for search and personal-data detection (null: format not read). */
    text: text('text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_attachments_item_idx').on(t.itemId)],
);

/** One row per review decision (submit, approve, return, override, mask, withdraw). */
export const catalogReviews = pgTable(
  'catalog_reviews',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => catalogItems.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    decision: text('decision').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment'),
    checklist: jsonb('checklist').$type<ConfidentialityChecklist>(),
  },
  (t) => [index('catalog_reviews_item_idx').on(t.itemId)],
);

/** 索引号 sequence per code-owning agency and year; incremented in the creating transaction, never reused. */
export const catalogIndexCounters = pgTable(
  'catalog_index_counters',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** Per-agency configuration: the directory tree and the review chain (null: the defaults). */
export const catalogSettings = pgTable('catalog_settings', {
  agencyId: integer('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  directory: jsonb('directory').$type<unknown[]>(),
  reviewChain: jsonb('review_chain').$type<string[]>(),
  /** 一人办理多个审核环节: off by default, each step of the chain needs a different person (issue #12). */
  allowOneReviewer: boolean('allow_one_reviewer').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Monthly figures entered by staff: decisions (行政许可, 处罚, 强制 …), fee amounts (万元), item counts. */
export const catalogMonthlyFigures = pgTable(
  'catalog_monthly_figures',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    key: text('key').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year, t.month, t.key] }), index('catalog_figures_year_idx').on(t.year)],
);

export type CatalogItem = typeof catalogItems.$inferSelect;
export type CatalogAttachment = typeof catalogAttachments.$inferSelect;
export type CatalogReview = typeof catalogReviews.$inferSelect;
