/**
 * An agency keeps its own wording of a message to applicants (e-mail subject and text, or SMS text with the
 * provider's template code), with the placeholders of templates.ts; audited with the previous text. The same
 * permission as the agency's letters (政府信息公开工作机构负责人).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import { templateVersion } from '../../cases/documents/template-version.ts';
import { placeholdersOf } from '../../cases/documents/templates.ts';
import type { CaseDeps } from '../../cases/transition.ts';
import { recordAudit } from '../../db/audit.ts';
import { assertEditVersion } from '../../db/edit-version.ts';
import { caseDocumentTemplates } from '../../db/schema/cases.ts';
import { notificationChannels, notificationEvents } from '../../db/schema/notifications.ts';
import { AppError } from '../../errors.ts';
import { NOTICE_PLACEHOLDERS, noticeKind } from '../templates.ts';

export const noticeTemplateSchema = z.object({
  agencyId: z.coerce.number().int().positive(),
  channel: z.enum(notificationChannels),
  event: z.enum(notificationEvents),
  title: z.string().trim().max(200),
  body: z.string().trim().min(5, '请填写通知正文').max(2000),
  /** The version shown to the editor (templateVersion; "new" when the agency keeps none yet). */
  version: z.string().max(40).default(''),
});

export async function saveNoticeTemplate(
  deps: CaseDeps,
  input: { user: SessionUser } & z.input<typeof noticeTemplateSchema>,
) {
  const parsed = noticeTemplateSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_input', parsed.error.issues[0].message);
  const t = parsed.data;
  requirePermission(input.user, 'case.approve_extension', t.agencyId);
  if (t.channel === 'email' && !t.title) throw new AppError('bad_input', '请填写邮件标题');
  if (t.channel === 'sms' && t.body.length > 300) throw new AppError('bad_input', '短信正文不超过300字');
  const known = new Set<string>(NOTICE_PLACEHOLDERS);
  const unknown = placeholdersOf(`${t.title}\n${t.body}`).filter((p) => !known.has(p));
  if (unknown.length) throw new AppError('bad_input', `未知的占位符：${unknown.map((p) => `{{${p}}}`).join('、')}`);
  const kind = noticeKind(t.channel, t.event);
  return deps.db.transaction(async (tx) => {
    const where = and(eq(caseDocumentTemplates.agencyId, t.agencyId), eq(caseDocumentTemplates.kind, kind));
    const [before] = await tx.select().from(caseDocumentTemplates).where(where).for('update');
    assertEditVersion(templateVersion(before), t.version, '本机关的通知模板');
    const values = { title: t.title, body: t.body, updatedBy: input.user.id, updatedAt: deps.clock.now() };
    const [row] = before
      ? await tx.update(caseDocumentTemplates).set(values).where(where).returning()
      : await tx
          .insert(caseDocumentTemplates)
          .values({ agencyId: t.agencyId, kind, ...values })
          .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'notice.template_saved',
      entityType: 'case_document_template',
      entityId: row.id,
      agencyId: t.agencyId,
      data: { kind, previous: before ? { title: before.title, body: before.body } : null },
    });
    return row;
  });
}
