import { describe, expect, it } from 'vitest';
import type { CaseState } from '../db/schema/cases.ts';
import { allowedActions, assertAllowed, type CaseAction, isDueSoon, isOverdue } from './lifecycle.ts';

describe('the case lifecycle', () => {
  it.each<[string, CaseAction, CaseState, boolean]>([
    ['补正 is asked of a case being handled', 'request_correction', 'received', true],
    ['补正 is asked only once at a time', 'request_correction', 'awaiting_correction', false],
    ['a correction arrives only when one was asked', 'receive_correction', 'received', false],
    ['several consultations may run at once', 'start_consultation', 'consulting', true],
    ['an extension may be approved during a consultation', 'extend', 'consulting', true],
    ['no extension while waiting for the 补正 (the period has not started)', 'extend', 'awaiting_correction', false],
    ['no reply while the fee is unpaid', 'reply', 'awaiting_fee', false],
    ['a replied case cannot be withdrawn', 'withdraw', 'replied', false],
    ['a withdrawn case cannot be replied to', 'reply', 'withdrawn', false],
    ['the applicant may withdraw while the fee is due', 'withdraw', 'awaiting_fee', true],
  ])('%s', (_name, action, state, allowed) => {
    if (allowed) expect(() => assertAllowed(action, state)).not.toThrow();
    else expect(() => assertAllowed(action, state)).toThrow(/不能/);
    expect(allowedActions(state).includes(action)).toBe(allowed);
  });

  it('closed states allow nothing but recording the 送达 of a reply and correcting it by a new letter', () => {
    expect(allowedActions('replied')).toEqual(['record_delivery', 'correct_reply']);
    expect(allowedActions('withdrawn')).toEqual([]);
  });

  it.each<[string, CaseState, string, boolean, boolean]>([
    ['due today is neither overdue nor late', 'received', '2025-03-31', false, true],
    ['due yesterday is overdue', 'received', '2025-03-30', true, false],
    ['due in 5 days is due soon', 'consulting', '2025-04-05', false, true],
    ['due in 6 days is not yet due soon', 'received', '2025-04-06', false, false],
    ['a replied case is never overdue', 'replied', '2025-01-01', false, false],
  ])('%s', (_name, state, dueOn, overdue, soon) => {
    expect(isOverdue({ state, dueOn }, '2025-03-31')).toBe(overdue);
    expect(isDueSoon({ state, dueOn }, '2025-03-31')).toBe(soon);
  });
});
