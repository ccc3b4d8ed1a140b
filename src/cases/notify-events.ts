/**
 * What the applicant is told about (src/notify sends it): the receipt, a request for 补正, an extension, a fee
 * notice, the reply. Routes call the listener after an action has committed; the cases area names the events
 * and the action each follows, and knows nothing of how the applicant is told.
 */
export type CaseEvent = 'received' | 'correction' | 'extension' | 'fee' | 'reply';

/** Called after the action's transaction has committed; must not throw or wait (the notifier works in the background). */
export type CaseEventListener = (caseId: number, event: CaseEvent, extra?: Record<string, string>) => void;

/** The event each action path (console form and JSON API) leads to, with what the message needs of its input. */
export const ACTION_EVENTS: Record<
  string,
  { event: CaseEvent; extra?: (input: Record<string, unknown>) => Record<string, string> }
> = {
  'request-correction': { event: 'correction', extra: (i) => ({ 补正事项: String(i.what ?? '') }) },
  extend: { event: 'extension' },
  'send-fee-notice': { event: 'fee' },
  reply: { event: 'reply' },
};
