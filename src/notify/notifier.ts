/**
 * Telling the applicant what happened to their application, by e-mail and SMS, after the office's action is
 * stored: the route calls `caseEvent` once the action's transaction has committed, and the message goes out
 * in the background — a mail server that is down or slow never holds up or undoes the action. Every message is
 * recorded (notifications): sent with the provider's id, failed with the reason, or held for the end of the SMS
 * quiet hours (sendHeld sends those; `gongkai serve` calls it every minute). Nothing is retried by itself: a
 * failed message stays failed in the record (a job queue could retry them). Without a mail server or an SMS
 * provider configured (the default) nothing is sent and nothing recorded.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { fillTemplate } from '../cases/documents/templates.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { caseDocumentTemplates, cases } from '../db/schema/cases.ts';
import {
  type NotificationChannel,
  type NotificationEvent,
  type NotificationStatus,
  notifications,
} from '../db/schema/notifications.ts';
import { mobileNumber } from '../identifiers/contact.ts';
import { OUTCOMES } from '../law/outcomes.ts';
import type { Mailer } from './mailer.ts';
import { type QuietHours, quietUntil } from './quiet-hours.ts';
import type { SmsSender } from './sms.ts';
import { DEFAULT_NOTICES, type NoticeTemplate, noticeKind } from './templates.ts';

export interface NotifierDeps {
  db: Db;
  clock: Clock;
  mail?: Mailer | null;
  sms?: SmsSender | null;
  quietHours?: QuietHours | null;
  /**
   * The SMS provider's template code for each message (GONGKAI_SMS_TEMPLATE_CODES), where the agency's own SMS
   * template does not name one.
   */
  smsTemplateCodes?: Partial<Record<NotificationEvent, string>>;
  /** The tracking page's public address for a code. */
  trackUrl: (code: string) => string;
  log?: (error: unknown) => void;
}

export interface Notifier {
  /** Which channels are configured. */
  readonly channels: { email: boolean; sms: boolean };
  /** After the action has committed: tells the applicant of the case, in the background. */
  caseEvent(caseId: number, event: NotificationEvent, extra?: Record<string, string>): void;
  /** Resolves when every message started so far is sent or recorded as failed (tests, shutdown). */
  settled(): Promise<void>;
  /** Sends the SMS held for the quiet hours whose time has come; returns how many were tried. */
  sendHeld(): Promise<number>;
}

/** Parameter names an SMS provider's template uses for the placeholders (阿里云 templates take ${code} …). */
export const SMS_PARAM_NAMES: Record<string, string> = {
  查询码: 'code',
  受理机关: 'agency',
  收到日期: 'received',
  答复期限: 'due',
  补正期限: 'correctionDue',
  费用: 'fee',
  缴费期限: 'feeDue',
  答复结果: 'outcome',
};

const OUTCOME_LABELS = new Map(OUTCOMES.map((o) => [`${o.regime}:${o.code}`, o.label.replace(/：.*$/, '')]));

async function caseValues(db: Db, caseId: number, trackUrl: (code: string) => string) {
  const [c] = await db
    .select({ case: cases, agencyName: agencies.name })
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(eq(cases.id, caseId));
  if (!c) return null;
  const k = c.case;
  const subject = k.subject.length > 60 ? `${k.subject.slice(0, 60)}…` : k.subject;
  const values: Record<string, string> = {
    申请人: k.applicantName,
    受理机关: c.agencyName,
    查询码: k.trackingCode,
    收到日期: k.receivedOn,
    申请内容: subject,
    答复期限: k.dueOn,
    补正期限: k.correctionDeadline ?? '',
    费用: k.feeYuan === null ? '' : String(k.feeYuan),
    缴费期限: k.feeDueOn ?? '',
    答复结果: k.outcome ? (OUTCOME_LABELS.get(`${k.regime}:${k.outcome}`) ?? k.outcome) : '',
    查询地址: trackUrl(k.trackingCode),
  };
  return { case: k, values };
}

async function templateOf(db: Db, agencyId: number, channel: NotificationChannel, event: NotificationEvent) {
  const [own] = await db
    .select({ title: caseDocumentTemplates.title, body: caseDocumentTemplates.body })
    .from(caseDocumentTemplates)
    .where(
      and(eq(caseDocumentTemplates.agencyId, agencyId), eq(caseDocumentTemplates.kind, noticeKind(channel, event))),
    );
  return (own as NoticeTemplate | undefined) ?? DEFAULT_NOTICES[channel][event];
}

const smsParams = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(SMS_PARAM_NAMES).map(([placeholder, name]) => [name, values[placeholder] ?? '']));

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export function createNotifier(deps: NotifierDeps): Notifier {
  const pending = new Set<Promise<void>>();
  const log = deps.log ?? (() => {});

  const record = (row: {
    caseId: number;
    agencyId: number;
    event: NotificationEvent;
    channel: NotificationChannel;
    recipient: string;
    subject: string | null;
    body: string;
    status: NotificationStatus;
    error?: string | null;
    providerId?: string | null;
    sendAfter?: Date | null;
  }) =>
    deps.db.insert(notifications).values({
      ...row,
      attempts: row.status === 'held' ? 0 : 1,
      createdAt: deps.clock.now(),
      sentAt: row.status === 'sent' ? deps.clock.now() : null,
    });

  async function deliver(caseId: number, event: NotificationEvent, extra: Record<string, string>) {
    const found = await caseValues(deps.db, caseId, deps.trackUrl);
    if (!found) return;
    const { case: k } = found;
    const values = { ...found.values, ...extra };
    const base = { caseId: k.id, agencyId: k.agencyId, event };
    if (deps.mail && k.email) {
      const t = await templateOf(deps.db, k.agencyId, 'email', event);
      const subject = fillTemplate(t.title, values);
      const text = fillTemplate(t.body, values);
      const message = { ...base, channel: 'email' as const, recipient: k.email, subject, body: text };
      try {
        const id = await deps.mail.send({ to: k.email, subject, text });
        await record({ ...message, status: 'sent', providerId: id });
      } catch (error) {
        await record({ ...message, status: 'failed', error: reason(error) });
      }
    }
    const phone = mobileNumber(k.phone);
    if (deps.sms && phone) {
      const t = await templateOf(deps.db, k.agencyId, 'sms', event);
      const text = fillTemplate(t.body, values);
      const message = { ...base, channel: 'sms' as const, recipient: phone, subject: null, body: text };
      const until = quietUntil(deps.clock.now(), deps.quietHours ?? null);
      if (until) {
        await record({ ...message, status: 'held', sendAfter: until });
        return;
      }
      try {
        const templateCode = t.title || deps.smsTemplateCodes?.[event] || '';
        const id = await deps.sms.send({ phone, templateCode, params: smsParams(values), text });
        await record({ ...message, status: 'sent', providerId: id });
      } catch (error) {
        await record({ ...message, status: 'failed', error: reason(error) });
      }
    }
  }

  return {
    channels: { email: Boolean(deps.mail), sms: Boolean(deps.sms) },
    caseEvent(caseId, event, extra = {}) {
      if (!deps.mail && !deps.sms) return;
      const p: Promise<void> = deliver(caseId, event, extra)
        .catch(log)
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async settled() {
      while (pending.size) await Promise.all([...pending]);
    },
    async sendHeld() {
      if (!deps.sms) return 0;
      const due = await deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.status, 'held'), lte(notifications.sendAfter, deps.clock.now())))
        .orderBy(asc(notifications.id))
        .limit(100);
      for (const n of due) {
        const found = await caseValues(deps.db, n.caseId, deps.trackUrl);
        const t = found ? await templateOf(deps.db, n.agencyId, 'sms', n.event) : null;
        let update: Partial<typeof notifications.$inferInsert>;
        try {
          if (!found || !t) throw new Error('申请不存在');
          const id = await deps.sms.send({
            phone: n.recipient,
            templateCode: t.title || deps.smsTemplateCodes?.[n.event] || '',
            params: smsParams(found.values),
            text: n.body,
          });
          update = { status: 'sent', providerId: id, sentAt: deps.clock.now() };
        } catch (error) {
          update = { status: 'failed', error: reason(error) };
        }
        await deps.db
          .update(notifications)
          .set({ ...update, attempts: n.attempts + 1 })
          .where(eq(notifications.id, n.id));
      }
      return due.length;
    },
  };
}
