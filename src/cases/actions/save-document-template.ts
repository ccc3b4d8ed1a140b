/**
 * An agency saves its own wording of a notice or reply (placeholders {{申请人}} …); audited with the
 * previous text so the change can be traced.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../auth/roles.ts';
import { requirePermission } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { assertEditVersion } from '../../db/edit-version.ts';
import { caseDocumentTemplates } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { templateVersion } from '../documents/template-version.ts';
import { type DocumentKind, documentKinds, PLACEHOLDERS, placeholdersOf } from '../documents/templates.ts';
import type { CaseDeps } from '../transition.ts';

export async function saveDocumentTemplate(
  deps: CaseDeps,
  input: { user: SessionUser; agencyId: number; kind: DocumentKind; title: string; body: string; version: string },
) {
  requirePermission(input.user, 'case.approve_extension', input.agencyId);
  if (!(documentKinds as readonly string[]).includes(input.kind)) throw new AppError('bad_input', '未知的文书类型');
  if (!input.title.trim() || input.body.trim().length < 10) throw new AppError('bad_input', '请填写文书标题和正文');
  const known = new Set<string>(PLACEHOLDERS);
  const unknown = placeholdersOf(input.body).filter((p) => !known.has(p));
  if (unknown.length) throw new AppError('bad_input', `未知的占位符：${unknown.map((p) => `{{${p}}}`).join('、')}`);
  return deps.db.transaction(async (tx) => {
    const where = and(eq(caseDocumentTemplates.agencyId, input.agencyId), eq(caseDocumentTemplates.kind, input.kind));
    const [before] = await tx.select().from(caseDocumentTemplates).where(where).for('update');
    assertEditVersion(templateVersion(before), input.version, '本机关的文书模板');
    const values = {
      title: input.title.trim(),
      body: input.body,
      updatedBy: input.user.id,
      updatedAt: deps.clock.now(),
    };
    const [row] = before
      ? await tx.update(caseDocumentTemplates).set(values).where(where).returning()
      : await tx
          .insert(caseDocumentTemplates)
          .values({ agencyId: input.agencyId, kind: input.kind, ...values })
          .returning();
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'case.document_template_saved',
      entityType: 'case_document_template',
      entityId: row.id,
      agencyId: input.agencyId,
      data: { kind: input.kind, previous: before?.body ?? null },
    });
    return row;
  });
}
