/**
 * The shape every case action shares: lock the case row, check the lifecycle, apply the change,
 * recompute the due date, bump the version, issue the letter the action sends (its 文号, ./letters.ts), write
 * the audit event — in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/roles.ts';
import { requirePermission } from '../auth/roles.ts';
import { loadCalendar } from '../calendar-store/index.ts';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { type Case, casePauses, cases } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { clockInputFromEvents } from '../law/case-events.ts';
import { appendCaseEvent, ensureCaseEvents, eventOfAction, sameClockFacts } from './case-events.ts';
import { clockInputOf, dueFromInput } from './due.ts';
import { issueLetter, LETTER_OF_ACTION } from './letters.ts';
import { assertAllowed, type CaseAction } from './lifecycle.ts';

const AWAITING_SIGN_FOR_ACTIONS: CaseAction[] = ['sign_for', 'return_transfer', 'withdraw'];

export interface CaseDeps {
  db: Db;
  clock: Clock;
}

export interface TransitionInput {
  user: SessionUser | null;
  caseId: number;
  /** When given, the change is refused if someone changed the case meanwhile (the form was stale). */
  expectedVersion?: number;
}

export async function transition(
  deps: CaseDeps,
  input: TransitionInput,
  action: CaseAction,
  change: (tx: Tx, c: Case) => Promise<Partial<Case> & { auditData?: Record<string, unknown> }>,
  permission: 'case.handle' | 'case.approve_extension' = 'case.handle',
): Promise<Case> {
  return deps.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) throw new AppError('not_found', `申请 ${input.caseId} 不存在`);
    if (input.user) requirePermission(input.user, permission, c.agencyId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== c.version) {
      throw new AppError('conflict', '该申请已被他人修改，请刷新后重试');
    }
    assertAllowed(action, c.state);
    // A case transferred here is handled once signed for (签收); until then it can only be signed for, sent back
    // (退回) or withdrawn by the applicant.
    if (c.transferredFrom !== null && c.signedForOn === null && !AWAITING_SIGN_FOR_ACTIONS.includes(action)) {
      throw new AppError('invalid_state', '该申请由其他机关转办，尚未签收：请先签收，或退回转办机关');
    }
    // A case from before the event table is carried into it first (./case-events.ts).
    const before = await ensureCaseEvents(tx, c, deps.clock.now());
    const { auditData, ...fields } = await change(tx, c);
    const next = { ...c, ...fields };
    const pauses = await tx.select().from(casePauses).where(eq(casePauses.caseId, c.id));
    // The action's event, appended; the clock folded from all the events (the case is its statutory events).
    const event = eventOfAction(action, next, auditData ?? {}, deps.clock.today());
    await appendCaseEvent(tx, { caseId: c.id, event, at: deps.clock.now(), actorId: input.user?.id ?? null });
    const facts = clockInputFromEvents(c.regime, [...before, event]);
    // The row's clock columns are the events' projection: a difference is a defect of an action, refused loudly.
    if (!sameClockFacts(facts, clockInputOf(next, pauses)) || facts.state !== next.state) {
      throw new Error(
        `申请 ${c.id} 的办理记录与办理步骤不一致（${action}），操作未保存：${JSON.stringify({ events: facts, row: clockInputOf(next, pauses) })}`,
      );
    }
    const due = dueFromInput(facts, await loadCalendar(tx), deps.clock.today());
    const [updated] = await tx
      .update(cases)
      .set({ ...fields, ...due, version: c.version + 1, updatedAt: deps.clock.now() })
      .where(eq(cases.id, c.id))
      .returning();
    const letterKind = LETTER_OF_ACTION[action];
    const letter = letterKind
      ? await issueLetter(tx, {
          caseId: c.id,
          agencyId: updated.agencyId,
          kind: letterKind,
          // A reply's letter is dated the reply day (it may be recorded later); the others, and a corrected reply,
          // are issued today.
          issuedOn: action === 'reply' ? (updated.closedOn ?? deps.clock.today()) : deps.clock.today(),
          issuedBy: input.user?.id ?? null,
        })
      : undefined;
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user?.id ?? null,
      action: `case.${action}`,
      entityType: 'case',
      entityId: c.id,
      agencyId: c.agencyId,
      data: {
        from: c.state,
        to: updated.state,
        dueOn: updated.dueOn,
        ...(letter ? { letterNo: letter.letterNo } : {}),
        ...auditData,
      },
    });
    return updated;
  });
}
