/**
 * The case's event table (case_events): what each action appends, in the action's transaction
 * (src/cases/transition.ts); the events of a case; and the events a case received before the table existed is
 * carried in with (eventsFromRow, backfillCaseEvents). The clock is folded from the events
 * (src/law/case-events.ts); the case row's clock columns are their projection, checked against them.
 */
import { asc, eq, notExists, sql } from 'drizzle-orm';
import { loadCalendar } from '../calendar-store/index.ts';
import type { Db, Executor } from '../db/client.ts';
import { type Case, type CasePause, caseEvents, casePauses, cases } from '../db/schema/cases.ts';
import type { ClockInput } from '../law/case-clock.ts';
import { type CaseEvent, type CaseEventKind, caseEventKinds, clockInputFromEvents } from '../law/case-events.ts';
import { regimeById } from '../law/regimes.ts';
import { clockInputOf, dueFromInput } from './due.ts';
import type { CaseAction } from './lifecycle.ts';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The event each action appends, and its statutory day, from the case after the change and the action's data. */
const ACTION_EVENTS: Record<
  CaseAction,
  { kind: CaseEventKind; on: (after: Case, data: Data, today: string) => string | null }
> = {
  request_correction: { kind: 'correction_requested', on: (a) => a.correctionRequestedOn },
  receive_correction: { kind: 'correction_received', on: (a) => a.correctionReceivedOn },
  lapse_correction: { kind: 'correction_lapsed', on: (a) => a.closedOn },
  start_consultation: { kind: 'consultation_sent', on: (_a, d) => str(d.sentOn) },
  record_consultation_receipt: { kind: 'consultation_received_by_party', on: (_a, d) => str(d.partyReceivedOn) },
  end_consultation: { kind: 'consultation_answered', on: (_a, d) => str(d.answeredOn) },
  extend: { kind: 'extended', on: (a) => a.extendedOn },
  set_reasonable_period: { kind: 'reasonable_period_set', on: (a) => a.reasonableSetOn },
  send_fee_notice: { kind: 'fee_notice_sent', on: (a) => a.feeNoticeOn },
  record_fee_notice_receipt: { kind: 'fee_notice_received', on: (a) => a.feeNoticeReceivedOn },
  record_payment: { kind: 'fee_paid', on: (a) => a.feePaidOn },
  lapse_fee: { kind: 'fee_lapsed', on: (a) => a.closedOn },
  reply: { kind: 'replied', on: (a) => a.closedOn },
  correct_reply: { kind: 'reply_corrected', on: (_a, _d, today) => today },
  withdraw: { kind: 'withdrawn', on: (a) => a.closedOn },
  record_delivery: { kind: 'delivered', on: (_a, d, today) => str(d.sentOn) ?? str(d.signedOn) ?? today },
  transfer: { kind: 'transferred', on: (a) => a.receivedOn },
  sign_for: { kind: 'signed_for', on: (a) => a.signedForOn },
  return_transfer: { kind: 'transfer_returned', on: (_a, _d, today) => today },
  request_assist: { kind: 'assist_requested', on: (_a, _d, today) => today },
};

/** The event an action appends: its kind, day and data (the clock's facts among them). */
export function eventOfAction(action: CaseAction, after: Case, data: Data, today: string): CaseEvent {
  const spec = ACTION_EVENTS[action];
  const extra: Data =
    spec.kind === 'extended'
      ? { days: after.extensionDays }
      : spec.kind === 'reasonable_period_set'
        ? { dueOn: after.reasonableDueOn }
        : spec.kind === 'fee_notice_sent'
          ? { noticeReceivedOn: after.feeNoticeReceivedOn }
          : spec.kind === 'transfer_returned'
            ? { receivedOn: after.receivedOn }
            : spec.kind === 'replied' || spec.kind === 'reply_corrected'
              ? { outcome: after.outcome }
              : {};
  return { kind: spec.kind, on: spec.on(after, data, today) ?? today, data: { ...data, ...extra } };
}

export async function appendCaseEvent(
  tx: Executor,
  input: { caseId: number; event: CaseEvent; at: Date; actorId: number | null },
): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: input.caseId,
    kind: input.event.kind,
    on: input.event.on,
    at: input.at,
    actorId: input.actorId,
    data: input.event.data,
  });
}

export async function caseEventsOf(db: Executor, caseId: number): Promise<CaseEvent[]> {
  const rows = await db
    .select({ kind: caseEvents.kind, on: caseEvents.on, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  return rows;
}

const RANK = new Map(caseEventKinds.map((k, i) => [k, i]));

/**
 * The events of a case recorded before the event table, from its row and consultations: every fact the row
 * holds, in date order (ties in the statute's order: receipt first, closing last).
 */
export function eventsFromRow(c: Case, pauses: CasePause[]): CaseEvent[] {
  const e: CaseEvent[] = [{ kind: 'received', on: c.receivedOn, data: { channel: c.channel, carried: true } }];
  if (c.correctionRequestedOn)
    e.push({ kind: 'correction_requested', on: c.correctionRequestedOn, data: { deadline: c.correctionDeadline } });
  if (c.correctionReceivedOn) e.push({ kind: 'correction_received', on: c.correctionReceivedOn, data: {} });
  for (const p of pauses) {
    e.push({
      kind: 'consultation_sent',
      on: p.fromOn,
      data: { consultationId: p.id, kind: p.kind, party: p.party, partyReceivedOn: p.partyReceivedOn },
    });
    if (p.toOn) e.push({ kind: 'consultation_answered', on: p.toOn, data: { consultationId: p.id } });
  }
  // Cases extended before the length was recorded had the regime's full period.
  if (c.extended) {
    const days = c.extensionDays ?? regimeById(c.regime).extensionDays;
    e.push({ kind: 'extended', on: c.extendedOn ?? c.receivedOn, data: { days } });
  }
  if (c.reasonableDueOn && c.reasonableSetOn)
    e.push({ kind: 'reasonable_period_set', on: c.reasonableSetOn, data: { dueOn: c.reasonableDueOn } });
  if (c.feeNoticeOn) {
    e.push({ kind: 'fee_notice_sent', on: c.feeNoticeOn, data: { noticeReceivedOn: c.feeNoticeReceivedOn } });
    if (c.feePaidOn) e.push({ kind: 'fee_paid', on: c.feePaidOn, data: {} });
  }
  const closedOn = c.closedOn ?? c.receivedOn;
  if (c.state === 'withdrawn') e.push({ kind: 'withdrawn', on: closedOn, data: {} });
  else if (c.state === 'replied') {
    const kind =
      c.outcome === 'other.no_correction'
        ? 'correction_lapsed'
        : c.outcome === 'other.fee_unpaid'
          ? 'fee_lapsed'
          : 'replied';
    e.push({ kind, on: closedOn, data: { outcome: c.outcome } });
  }
  const closing = new Set<CaseEventKind>(['withdrawn', 'replied', 'correction_lapsed', 'fee_lapsed']);
  return e
    .map((ev, i) => ({ ev, i }))
    .sort(
      (a, b) =>
        Number(closing.has(a.ev.kind)) - Number(closing.has(b.ev.kind)) ||
        a.ev.on.localeCompare(b.ev.on) ||
        (RANK.get(a.ev.kind) ?? 0) - (RANK.get(b.ev.kind) ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.ev);
}

/** The events of a case, carrying those of a case from before the table in first (in the same transaction). */
export async function ensureCaseEvents(tx: Executor, c: Case, at: Date): Promise<CaseEvent[]> {
  const events = await caseEventsOf(tx, c.id);
  if (events.length) return events;
  const pauses = await tx.select().from(casePauses).where(eq(casePauses.caseId, c.id)).orderBy(asc(casePauses.id));
  const carried = eventsFromRow(c, pauses);
  for (const event of carried) await appendCaseEvent(tx, { caseId: c.id, event, at, actorId: null });
  return carried;
}

/** Both inputs in one canonical form (consultations in order of sending), to compare. */
const canonical = (i: ClockInput) =>
  JSON.stringify({
    ...i,
    correctionReceivedOn: i.correctionReceivedOn ?? null,
    fee: i.fee
      ? { noticeOn: i.fee.noticeOn, noticeReceivedOn: i.fee.noticeReceivedOn ?? null, paidOn: i.fee.paidOn ?? null }
      : null,
    extensionDays: i.extensionDays ?? null,
    reasonablePeriod: i.reasonablePeriod ?? null,
    consultations: [...(i.consultations ?? [])]
      .map((c) => ({
        kind: c.kind,
        sentOn: c.sentOn,
        partyReceivedOn: c.partyReceivedOn ?? null,
        answeredOn: c.answeredOn ?? null,
      }))
      .sort((a, b) => a.sentOn.localeCompare(b.sentOn) || a.kind.localeCompare(b.kind)),
  });

export const sameClockFacts = (a: ClockInput, b: ClockInput) => canonical(a) === canonical(b);

/**
 * Carries every case without events into the event table, and checks each: the due date folded from its events
 * against the one stored. Returns how many were carried and those whose due date the fold changes, with why.
 */
export async function backfillCaseEvents(db: Db, today: string) {
  const calendar = await loadCalendar(db);
  const missing = await db
    .select()
    .from(cases)
    .where(notExists(db.select({ one: sql`1` }).from(caseEvents).where(eq(caseEvents.caseId, cases.id))))
    .orderBy(asc(cases.id));
  const changed: { caseId: number; from: string; to: string; why: string }[] = [];
  const allPauses = missing.length ? await db.select().from(casePauses).orderBy(asc(casePauses.id)) : [];
  const pausesOf = new Map<number, CasePause[]>();
  for (const p of allPauses) pausesOf.set(p.caseId, [...(pausesOf.get(p.caseId) ?? []), p]);
  const at = new Date();
  for (let i = 0; i < missing.length; i += 500) {
    const batch = missing.slice(i, i + 500);
    const rows = batch.flatMap((c) =>
      eventsFromRow(c, pausesOf.get(c.id) ?? []).map((event) => ({
        caseId: c.id,
        kind: event.kind,
        on: event.on,
        at,
        actorId: null,
        data: event.data,
      })),
    );
    await db.transaction(async (tx) => {
      if (rows.length) await tx.insert(caseEvents).values(rows);
    });
    for (const c of batch) {
      const folded = clockInputFromEvents(c.regime, eventsFromRow(c, pausesOf.get(c.id) ?? []));
      const due = dueFromInput(folded, calendar, today).dueOn;
      if (due !== c.dueOn) {
        const why = sameClockFacts(folded, clockInputOf(c, pausesOf.get(c.id) ?? []))
          ? '办理步骤与记录一致，按今天的工作日历重新计算（如节假日安排已录入、征求意见期限已届满）'
          : '记录中的状态与办理步骤不一致，按办理步骤计算';
        changed.push({ caseId: c.id, from: c.dueOn, to: due, why });
      }
    }
  }
  return { carried: missing.length, changed };
}
