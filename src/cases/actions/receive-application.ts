/**
 * Registers an application (依申请公开) on the day it was received and computes its due date from that day.
 * 条例第三十一条 fixes the day: 当面提交 — the day it is handed over; 邮寄 — the day the agency signs for it (a
 * letter needing no signature: the day the office confirms it with the applicant); 互联网渠道 or 传真 — the day
 * both sides confirm it. The same action serves every way in:
 * - without a user, the portal's online form (and the public JSON API): channel 'online', received today —
 *   an applicant cannot name another channel or an earlier day;
 * - with a user holding case.handle on the agency, staff registering what came in person, by post, by fax or
 *   by e-mail (the console's 登记新申请, the JSON API, tests and tools): any channel, and the day of receipt
 *   they give (today unless told; never later than today). The audit event names them as actor.
 * The applicant gets a tracking code. Files handed in with it (身份证明, 授权委托书, other materials; scans of a
 * letter) are checked (../attachments.ts) before anything is written, and stored with the case and its audit
 * event in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../../auth/roles.ts';
import { requirePermission } from '../../auth/roles.ts';
import { loadCalendar } from '../../calendar-store/index.ts';
import { recordAudit } from '../../db/audit.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { applicantTypes, type Case, caseAttachments, cases, channels } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { regimeFor } from '../../law/regimes.ts';
import { maskLongNumbers } from '../../personal-data.ts';
import { checkApplication } from '../application-check.ts';
import { type ApplicantFile, checkApplicantFiles } from '../attachments.ts';
import { appendCaseEvent } from '../case-events.ts';
import { dueOf, NEW_CASE_CLOCK } from '../due.ts';
import type { CaseDeps } from '../transition.ts';

export const applicationSchema = z.object({
  agencyId: z.coerce
    .number({ error: '请选择受理机关' })
    .int('请选择受理机关')
    .positive('请选择受理机关')
    .max(2_147_483_647, '请选择受理机关'),
  applicantType: z.enum(applicantTypes, { error: '请选择申请人类型' }),
  applicantName: z.string().trim().min(1, '请填写申请人姓名或名称').max(200),
  idNumber: z.string().trim().max(40).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(200).optional(),
  address: z.string().trim().max(300).optional(),
  channel: z.enum(channels, { error: '请选择申请的提交方式' }),
  receivedOn: z.string().optional(),
  subject: z.string().trim().min(2, '请描述所申请的政府信息').max(5000),
  formWanted: z.string().trim().max(50).default('电子'),
});
export type ApplicationInput = z.input<typeof applicationSchema>;

/** A tracking code the applicant can read aloud: no 0/O/1/I. */
export function newTrackingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export async function receiveApplication(
  deps: CaseDeps,
  input: { user: SessionUser | null; application: ApplicationInput; attachments?: readonly ApplicantFile[] },
): Promise<Case> {
  const a = checkApplication(applicationSchema, input.application, {
    today: deps.clock.today(),
    idRequired: !input.user,
  });
  if (input.user) requirePermission(input.user, 'case.handle', a.agencyId);
  else if (a.channel !== 'online' || (a.receivedOn !== undefined && a.receivedOn !== deps.clock.today())) {
    throw new AppError(
      'forbidden',
      '网上提交的申请以系统收到之日为收到申请之日；当面、信函、传真、电子邮件提交的申请由行政机关工作人员登记',
    );
  }
  const receivedOn = parseDate(a.receivedOn ?? deps.clock.today(), '收到申请日期');
  if (receivedOn > deps.clock.today()) {
    throw new AppError('bad_input', '收到申请的日期不能晚于今天', {
      fields: { receivedOn: '收到申请的日期不能晚于今天' },
    });
  }
  const files = checkApplicantFiles(input.attachments ?? []);
  return deps.db.transaction(async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, a.agencyId));
    if (!agency) throw new AppError('bad_input', '请选择受理机关：所选机关不存在');
    const regime = regimeFor(receivedOn).id;
    const due = dueOf({ ...NEW_CASE_CLOCK, receivedOn, regime }, [], await loadCalendar(tx), deps.clock.today());
    const [row] = await tx
      .insert(cases)
      .values({
        ...a,
        receivedOn,
        regime,
        trackingCode: newTrackingCode(),
        ...due,
        createdAt: deps.clock.now(),
        updatedAt: deps.clock.now(),
      })
      .returning();
    const stored = files.length
      ? await tx
          .insert(caseAttachments)
          .values(files.map((f) => ({ ...f, caseId: row.id, uploadedAt: deps.clock.now() })))
          .returning({
            id: caseAttachments.id,
            kind: caseAttachments.kind,
            filename: caseAttachments.filename,
            size: caseAttachments.size,
            sha256: caseAttachments.sha256,
          })
      : [];
    // The case's first statutory event (src/cases/case-events.ts): 收到申请之日 (第三十一条).
    await appendCaseEvent(tx, {
      caseId: row.id,
      event: { kind: 'received', on: receivedOn, data: { channel: row.channel } },
      at: deps.clock.now(),
      actorId: input.user?.id ?? null,
    });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user?.id ?? null,
      action: 'case.received',
      entityType: 'case',
      entityId: row.id,
      agencyId: row.agencyId,
      data: {
        channel: row.channel,
        receivedOn,
        dueOn: row.dueOn,
        regime,
        // File names as the applicant gave them may hold their ID number: the log keeps them masked.
        ...(stored.length ? { attachments: stored.map((f) => ({ ...f, filename: maskLongNumbers(f.filename) })) } : {}),
      },
    });
    return row;
  });
}
