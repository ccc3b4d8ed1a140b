/**
 * What a clerk said with an action, typed: the payload of the case events that letters read back (补正告知书
 * reads the 补正内容, 延期答复告知书 the reason and length, 收费通知书 the fee lines). The action that writes an
 * event and the letter that reads it share this schema, so renaming a field is a compile error in both, and
 * a stored event that does not match is refused loudly — a legal letter is never printed with a blank
 * where the clerk's words belong.
 */
import { z } from 'zod';
import { listAudit } from '../db/audit.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EVENT_DATA = {
  request_correction: z.object({
    what: z.string().min(1),
    deadline: day,
    noticeDue: day.nullable(),
    late: z.boolean(),
  }),
  extend: z.object({
    reason: z.string().min(1),
    approver: z.string(),
    // Events written before the length was chosen had the regime's full period.
    days: z.number().int().min(1).max(20).optional(),
    notifiedOn: day.nullable().optional(),
  }),
  send_fee_notice: z.object({
    fee: z.object({
      yuan: z.number(),
      lines: z.array(z.object({ from: z.number(), to: z.number(), unitYuan: z.number(), yuan: z.number() })),
    }),
    noticeReceivedOn: day.nullable().optional(),
  }),
} as const;

export type EventKind = keyof typeof EVENT_DATA;
export type EventData<K extends EventKind> = z.infer<(typeof EVENT_DATA)[K]>;

/** Types what an action records (`auditData: eventData('extend', { … })`). */
export const eventData = <K extends EventKind>(_kind: K, data: EventData<K>): EventData<K> => data;

/** The latest event of `kind` of a case, checked against its schema; undefined when there is none. */
export async function latestEvent<K extends EventKind>(
  db: Executor,
  caseId: number,
  kind: K,
): Promise<EventData<K> | undefined> {
  const [event] = await listAudit(db, { entityType: 'case', entityId: caseId, action: `case.${kind}`, limit: 1 });
  if (!event) return undefined;
  const parsed = EVENT_DATA[kind].safeParse(event.data);
  if (!parsed.success) {
    throw new AppError(
      'conflict',
      `申请 ${caseId} 的“${kind}”记录（${event.id}）缺少文书所需的内容：${parsed.error.issues.map((i) => i.path.join('.')).join('、')}`,
    );
  }
  return parsed.data as EventData<K>;
}
