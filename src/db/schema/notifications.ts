/**
 * Messages to applicants (src/notify/): one row per e-mail or SMS about a case — at receipt (with the 查询码),
 * 补正, extension, fee notice and reply — with what was sent to whom, and whether it went out, failed (and why),
 * or waits for the end of the SMS quiet hours. The console's 发送记录 lists them.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { cases } from './cases.ts';

export const notificationEvents = ['received', 'correction', 'extension', 'fee', 'reply'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationChannels = ['email', 'sms'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** held: waiting for the end of the SMS quiet hours (send_after). */
export const notificationStatuses = ['held', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    event: text('event', { enum: notificationEvents }).notNull(),
    channel: text('channel', { enum: notificationChannels }).notNull(),
    /** The address or mobile number it went to. */
    recipient: text('recipient').notNull(),
    /** The e-mail's subject; null for SMS. */
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: notificationStatuses }).notNull(),
    /** Why it failed, in the server's or provider's words. */
    error: text('error'),
    /** The provider's id of the message (SMTP Message-ID, the SMS BizId). */
    providerId: text('provider_id'),
    attempts: integer('attempts').notNull().default(0),
    /** A held SMS goes out at or after this time. */
    sendAfter: timestamp('send_after', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_agency_created_idx').on(t.agencyId, t.createdAt),
    index('notifications_case_idx').on(t.caseId),
    index('notifications_held_idx').on(t.sendAfter).where(sql`${t.status} = 'held'`),
    check('notifications_event_check', sql`${t.event} in ('received', 'correction', 'extension', 'fee', 'reply')`),
    check('notifications_channel_check', sql`${t.channel} in ('email', 'sms')`),
    check('notifications_status_check', sql`${t.status} in ('held', 'sent', 'failed')`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
