/**
 * 发送记录: the messages sent to applicants of the agencies a user reads cases for, newest first, with the
 * case's 受理编号; the recipient masked on the cases of agencies the user does not handle.
 */

import { and, count, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import { templateVersion } from '../cases/documents/template-version.ts';
import { maskPhone } from '../cases/queries.ts';
import { caseNumber, type RegisterScope } from '../cases/register.ts';
import type { Executor } from '../db/client.ts';
import { caseDocumentTemplates, cases } from '../db/schema/cases.ts';
import {
  type NotificationChannel,
  type NotificationStatus,
  notificationChannels,
  notificationEvents,
  notifications,
} from '../db/schema/notifications.ts';
import { DEFAULT_NOTICES, noticeKind } from './templates.ts';

export const OUTBOX_PAGE = 50;

const maskEmail = (e: string) => e.replace(/^(.).*(@.*)$/, '$1***$2');

export async function listOutbox(
  db: Executor,
  scope: RegisterScope,
  filters: { status?: NotificationStatus; channel?: NotificationChannel; page?: number },
) {
  const where: (SQL | undefined)[] = [
    scope.reads === 'all' ? undefined : inArray(notifications.agencyId, scope.reads.length ? [...scope.reads] : [-1]),
    filters.status ? eq(notifications.status, filters.status) : undefined,
    filters.channel ? eq(notifications.channel, filters.channel) : undefined,
  ];
  const page = Math.max(1, filters.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ n: notifications, receivedOn: cases.receivedOn })
      .from(notifications)
      .innerJoin(cases, eq(cases.id, notifications.caseId))
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(OUTBOX_PAGE)
      .offset((page - 1) * OUTBOX_PAGE),
    db
      .select({ total: count() })
      .from(notifications)
      .where(and(...where)),
  ]);
  const handles = (agencyId: number) => scope.handles === 'all' || scope.handles.includes(agencyId);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE)),
    rows: rows.map(({ n, receivedOn }) => ({
      ...n,
      caseNumber: caseNumber({ id: n.caseId, receivedOn }),
      recipient: handles(n.agencyId)
        ? n.recipient
        : n.channel === 'email'
          ? maskEmail(n.recipient)
          : (maskPhone(n.recipient) ?? ''),
      body: handles(n.agencyId) ? n.body : '',
    })),
  };
}

/** Every message's wording for an agency: its own where it keeps one, else the built-in one. */
export async function noticeTemplates(db: Executor, agencyId: number) {
  const own = await db
    .select({
      kind: caseDocumentTemplates.kind,
      title: caseDocumentTemplates.title,
      body: caseDocumentTemplates.body,
      updatedAt: caseDocumentTemplates.updatedAt,
    })
    .from(caseDocumentTemplates)
    .where(and(eq(caseDocumentTemplates.agencyId, agencyId), like(caseDocumentTemplates.kind, 'notice.%')));
  const byKind = new Map(own.map((o) => [o.kind, o]));
  return notificationChannels.flatMap((channel) =>
    notificationEvents.map((event) => {
      const mine = byKind.get(noticeKind(channel, event));
      const wording = mine ?? DEFAULT_NOTICES[channel][event];
      return {
        channel,
        event,
        own: Boolean(mine),
        title: wording.title,
        body: wording.body,
        version: templateVersion(mine),
      };
    }),
  );
}
