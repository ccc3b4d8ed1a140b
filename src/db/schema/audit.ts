/** The audit log: one row per state change, written in the change's own transaction (src/db/audit.ts). */
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** null: the system (a sweep, a migration). */
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    agencyId: integer('agency_id').references(() => agencies.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_agency_at_idx').on(t.agencyId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
