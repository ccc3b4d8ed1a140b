/**
 * A case as its statutory events, and its clock's facts folded from them — the one derivation the clock
 * (./case-clock.ts) reads. Each kind is a fact the 条例 gives a consequence to:
 *
 * - received (第三十一条: the day of receipt by channel) — the period runs from the next day (第三十三条);
 * - transferred / transfer_returned: 转办 to the agency holding the information, the period from its receipt;
 *   退回, the first agency's receipt again (src/cases/actions/transfer-case.ts, return-transfer.ts);
 * - correction_requested / correction_received / correction_lapsed (第三十条: the period restarts from the day
 *   the 补正 arrives; none by the deadline, 视为放弃);
 * - consultation_sent / consultation_received_by_party / consultation_answered (第三十二条, 第三十四条; not
 *   counted, 第三十三条第三款), each consultation its own, matched by its id;
 * - extended (第三十三条第二款, with its length), reasonable_period_set (第三十五条);
 * - fee_notice_sent / fee_notice_received / fee_paid / fee_lapsed (第四十二条; FEE_WAIT_STOPS_CLOCK);
 * - replied / reply_corrected / withdrawn: the case closed (第三十六条); delivered (送达), signed_for,
 *   assist_requested: recorded, no effect on the period.
 */
import type { ClockConsultation, ClockInput, ClockState } from './case-clock.ts';
import type { RegimeId } from './regimes.ts';

export const caseEventKinds = [
  'received',
  'transferred',
  'signed_for',
  'transfer_returned',
  'correction_requested',
  'correction_received',
  'correction_lapsed',
  'consultation_sent',
  'consultation_received_by_party',
  'consultation_answered',
  'extended',
  'reasonable_period_set',
  'fee_notice_sent',
  'fee_notice_received',
  'fee_paid',
  'fee_lapsed',
  'replied',
  'reply_corrected',
  'withdrawn',
  'delivered',
  'assist_requested',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export interface CaseEvent {
  kind: CaseEventKind;
  /** The statutory day of the event (receipt, sending, answer …), YYYY-MM-DD. */
  on: string;
  data: Record<string, unknown>;
}

/** The facts of the clock, and the state the events leave the case in, in event order. */
export function clockInputFromEvents(regime: RegimeId, events: readonly CaseEvent[]): ClockInput {
  let state: ClockState = 'received';
  let receivedOn = '';
  let correctionReceivedOn: string | null = null;
  let extensionDays: number | null = null;
  let fee: NonNullable<ClockInput['fee']> | null = null;
  let reasonablePeriod: ClockInput['reasonablePeriod'] = null;
  const consultations = new Map<string, ClockConsultation>();
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  for (const e of events) {
    const id = String(e.data.consultationId ?? '');
    switch (e.kind) {
      case 'received':
      case 'transferred':
        receivedOn = e.on;
        break;
      case 'transfer_returned':
        receivedOn = text(e.data.receivedOn) ?? receivedOn;
        break;
      case 'correction_requested':
        state = 'awaiting_correction';
        break;
      case 'correction_received':
        state = 'received';
        correctionReceivedOn = e.on;
        break;
      case 'consultation_sent':
        state = 'consulting';
        consultations.set(id, {
          kind: e.data.kind === 'agency' ? 'agency' : 'third_party',
          sentOn: e.on,
          partyReceivedOn: text(e.data.partyReceivedOn),
          answeredOn: null,
        });
        break;
      case 'consultation_received_by_party': {
        const c = consultations.get(id);
        if (c) c.partyReceivedOn = e.on;
        break;
      }
      case 'consultation_answered': {
        const c = consultations.get(id);
        if (c) c.answeredOn = e.on;
        state = [...consultations.values()].some((x) => !x.answeredOn) ? 'consulting' : 'received';
        break;
      }
      case 'extended':
        extensionDays = typeof e.data.days === 'number' ? e.data.days : null;
        break;
      case 'reasonable_period_set':
        reasonablePeriod = { due: String(e.data.dueOn), setOn: e.on };
        break;
      case 'fee_notice_sent':
        state = 'awaiting_fee';
        fee = { noticeOn: e.on, noticeReceivedOn: text(e.data.noticeReceivedOn), paidOn: null };
        break;
      case 'fee_notice_received':
        if (fee) fee.noticeReceivedOn = e.on;
        break;
      case 'fee_paid':
        state = 'received';
        if (fee) fee.paidOn = e.on;
        break;
      case 'correction_lapsed':
      case 'fee_lapsed':
      case 'replied':
        state = 'replied';
        break;
      case 'withdrawn':
        state = 'withdrawn';
        break;
      default:
        break;
    }
  }
  return {
    regime,
    state,
    receivedOn,
    correctionReceivedOn,
    consultations: [...consultations.values()],
    fee,
    extensionDays,
    reasonablePeriod,
  };
}
