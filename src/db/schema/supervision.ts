/** 督办: notices a supervising office sends to a unit, and the unit's reply. */
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';

export const supervisionNotices = pgTable(
  'supervision_notices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    fromAgencyId: integer('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: integer('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The date by which the unit must reply. */
    replyBy: date('reply_by').notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    reply: text('reply'),
    repliedBy: integer('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
  },
  (t) => [
    index('supervision_notices_to_idx').on(t.toAgencyId),
    index('supervision_notices_from_idx').on(t.fromAgencyId),
  ],
);

export type SupervisionNotice = typeof supervisionNotices.$inferSelect;
