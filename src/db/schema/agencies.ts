/**
 * Agencies form a tree: 人民政府 → 部门 / 乡镇街道 → 内设机构. `path` is materialized ('/1/4/9/') so a
 * subtree is one indexed prefix query (src/agencies/tree.ts).
 */

import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const agencyKinds = ['government', 'department', 'town', 'office'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencies = pgTable(
  'agencies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => agencies.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: agencyKinds }).notNull(),
    /** 统一社会信用代码 (GB 32100-2015); 内设机构 have none. */
    creditCode: text('credit_code').unique(),
    /**
     * The court its letters name for 行政诉讼 (《条例》第五十一条), e.g. under 集中管辖 a court of another county;
     * null: inherited or 有管辖权的人民法院 (src/cases/documents/review-body.ts).
     */
    courtName: text('court_name'),
    /** '/<root id>/…/<own id>/' */
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(t.path.op('text_pattern_ops')),
    check('agencies_kind_check', sql`${t.kind} in ('government', 'department', 'town', 'office')`),
  ],
);

export type Agency = typeof agencies.$inferSelect;
