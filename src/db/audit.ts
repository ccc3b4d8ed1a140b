/**
 * The audit log. Every state change writes its event with `recordAudit(tx, …)` inside the change's own
 * transaction, so a change without its event (or an event without its change) cannot be committed.
 */
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from './client.ts';
import { type AuditEvent, auditEvents } from './schema/audit.ts';

/** Told of each event as this process writes it (before its transaction commits). */
export type AuditListener = (event: { entityType: string; entityId: string | null }) => void;
const listeners = new Set<AuditListener>();

/**
 * Calls `listener` with each event this process records, as it is written (before the transaction commits):
 * the page cache drops what the change affects at once for this process's next request; every process,
 * this one included, hears the change again from the database once it commits (src/db/change-feed.ts), which
 * also drops a page rendered between the event and its commit. Returns the unsubscribe.
 */
export function onAudited(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface AuditInput {
  /** When it happened: pass `clock.now()`. */
  at: Date;
  /** The user who acted; null for the system (a sweep, `gongkai migrate`). */
  actorId: number | null;
  /** `<area>.<verb>`, e.g. 'case.extended', 'calendar.year_saved'. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** The agency whose record changed (what a supervisor's subtree filter matches). */
  agencyId?: number | null;
  data?: Record<string, unknown>;
}

/**
 * Writes one audit event. Takes a `Tx`, not a `Db`: call it inside the transaction that makes the change.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(cases).set({ dueDate }).where(eq(cases.id, id));
 *   await recordAudit(tx, { at: clock.now(), actorId, action: 'case.extended', entityType: 'case', entityId: id });
 * });
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<AuditEvent> {
  const [row] = await tx
    .insert(auditEvents)
    .values({
      at: event.at,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId == null ? null : String(event.entityId),
      agencyId: event.agencyId ?? null,
      data: event.data ?? {},
    })
    .returning();
  for (const listener of listeners) listener({ entityType: row.entityType, entityId: row.entityId });
  return row;
}

/**
 * Writes many audit events in one statement (a bulk import: one event per stored row, in the import's own
 * transaction). Takes a `Tx` as `recordAudit` does. Returns nothing: the caller knows what it wrote.
 */
export async function recordAudits(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      at: event.at,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId == null ? null : String(event.entityId),
      agencyId: event.agencyId ?? null,
      data: event.data ?? {},
    })),
  );
  for (const event of events)
    for (const listener of listeners)
      listener({ entityType: event.entityType, entityId: event.entityId == null ? null : String(event.entityId) });
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string | number;
  action?: string;
  actorId?: number;
  /** Events of these agencies only (a supervisor's subtree: `subtreeIds`). */
  agencyIds?: number[];
  /** at ≥ from */
  from?: Date;
  /** at < to */
  to?: Date;
  /** Default 100, at most 1000. */
  limit?: number;
}

/** Audit events matching `filter`, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const where: SQL[] = [];
  if (filter.entityType !== undefined) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId !== undefined) where.push(eq(auditEvents.entityId, String(filter.entityId)));
  if (filter.action !== undefined) where.push(eq(auditEvents.action, filter.action));
  if (filter.actorId !== undefined) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.agencyIds !== undefined) {
    if (filter.agencyIds.length === 0) return [];
    where.push(inArray(auditEvents.agencyId, filter.agencyIds));
  }
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lt(auditEvents.at, filter.to));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(Math.min(filter.limit ?? 100, 1000));
}
