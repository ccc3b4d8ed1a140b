/**
 * Case lists for the console and supervision: the inbox sorted by due date with due-soon and overdue
 * marks (derived from the due date and today), a case with its pauses, appeals and timeline, and the
 * applicant's own view by tracking code. Personal data is masked in lists.
 */
import { and, asc, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { listAudit } from '../db/audit.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { appeals, type Case, type CaseState, casePauses, cases } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { CLOCK_STOPPED_STATES } from '../law/case-clock.ts';
import { maskLongNumbers, maskPersonalData } from '../personal-data.ts';
import { listCaseAttachments } from './attachments.ts';
import { isDueSoon, isOverdue } from './lifecycle.ts';

/** 张三 → 张*; 13812345678 → 138****5678; an ID number keeps its first 6 and last 4. */
export function maskName(name: string): string {
  if (name.length <= 1) return name;
  if (/(公司|机构|中心|事务所|协会|学校|医院|大学|研究院|委员会)$/.test(name)) return name;
  return name[0] + '*'.repeat(Math.min(name.length - 1, 2));
}
export const maskPhone = (p: string | null) => (p && p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p);
export const maskId = (id: string | null) =>
  id && id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;

export function maskApplicant<T extends Pick<Case, 'applicantName' | 'phone' | 'idNumber' | 'email' | 'address'>>(
  c: T,
): T {
  const subject = (c as { subject?: unknown }).subject;
  return {
    ...c,
    // The request is the applicant's own words: any ID, phone or card number in it is masked as well.
    ...(typeof subject === 'string' ? { subject: maskLongNumbers(maskPersonalData(subject)) } : {}),
    applicantName: maskName(c.applicantName),
    phone: maskPhone(c.phone),
    idNumber: maskId(c.idNumber),
    email: c.email ? c.email.replace(/^(.).*(@.*)$/, '$1***$2') : c.email,
    address: c.address ? `${c.address.slice(0, 6)}…` : c.address,
  };
}

const OPEN = ['replied', 'withdrawn'] as const;

export async function inbox(db: Executor, agencyIds: number[] | 'all', today: string, limit = 200) {
  const rows = await db
    .select()
    .from(cases)
    .where(
      and(
        notInArray(cases.state, [...OPEN]),
        agencyIds === 'all' ? undefined : inArray(cases.agencyId, agencyIds.length ? agencyIds : [-1]),
      ),
    )
    .orderBy(asc(cases.dueOn), asc(cases.id))
    .limit(limit);
  return rows.map((c) => ({ ...maskApplicant(c), overdue: isOverdue(c, today), dueSoon: isDueSoon(c, today) }));
}

/** Open cases per agency: overdue and due within 5 days (supervision, and the unit's own view). */
export async function overdueCounts(db: Executor, agencyIds: number[], today: string) {
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 5);
  const soonDay = soon.toISOString().slice(0, 10);
  const running = notInArray(cases.state, CLOCK_STOPPED_STATES as CaseState[]);
  return db
    .select({
      agencyId: cases.agencyId,
      open: count(),
      // The clock's own definition (isOverdue / isDueSoon): only a running clock is 逾期 or 临期.
      overdue: sql<number>`count(*) filter (where ${running} and ${cases.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) filter (where ${running} and ${cases.dueOn} >= ${today} and ${cases.dueOn} <= ${soonDay})::int`,
    })
    .from(cases)
    .where(and(notInArray(cases.state, [...OPEN]), inArray(cases.agencyId, agencyIds.length ? agencyIds : [-1])))
    .groupBy(cases.agencyId);
}

export async function caseDetail(db: Executor, id: number) {
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  if (!c) throw new AppError('not_found', `申请 ${id} 不存在`);
  const [pauses, appealRows, attachments, timeline] = await Promise.all([
    db.select().from(casePauses).where(eq(casePauses.caseId, id)).orderBy(asc(casePauses.fromOn)),
    db.select().from(appeals).where(eq(appeals.caseId, id)).orderBy(asc(appeals.filedOn)),
    listCaseAttachments(db, id),
    listAudit(db, { entityType: 'case', entityId: id, limit: 500 }),
  ]);
  return { case: c, pauses, appeals: appealRows, attachments, timeline: timeline.reverse() };
}

/**
 * The applicant's view: found only by the exact tracking code; no personal data (ID, phone and card numbers
 * in the request and the file names masked: anyone holding the code sees this). The files handed in are
 * listed by name and kind, never served.
 */
export async function trackApplication(db: Executor, code: string) {
  const clean = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{6,20}$/.test(clean)) return null;
  const [c] = await db
    .select({
      id: cases.id,
      agencyId: cases.agencyId,
      agencyName: agencies.name,
      trackingCode: cases.trackingCode,
      channel: cases.channel,
      receivedOn: cases.receivedOn,
      subject: cases.subject,
      state: cases.state,
      dueOn: cases.dueOn,
      dueProvisional: cases.dueProvisional,
      dueExplanation: cases.dueExplanation,
      correctionDeadline: cases.correctionDeadline,
      feeYuan: cases.feeYuan,
      feeDueOn: cases.feeDueOn,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
      regime: cases.regime,
    })
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(eq(cases.trackingCode, clean));
  if (!c) return null;
  const files = await listCaseAttachments(db, c.id);
  // Whoever holds the code sees it: the numbers the applicant typed or named a file with are masked.
  return {
    ...c,
    subject: maskLongNumbers(maskPersonalData(c.subject)),
    attachments: files.map((f) => ({ kind: f.kind, filename: maskLongNumbers(f.filename), size: f.size })),
  };
}
