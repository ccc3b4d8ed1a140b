/**
 * Reading a file an applicant handed in (身份证明, 授权委托书 …): only staff who handle the case's agency may
 * (case.handle — a read-only reviewer or supervisor sees the list, not the files). Each reading is an audit
 * event on the case: the files carry personal information, so who opened which is on the record.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../auth/roles.ts';
import { requirePermission } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { type CaseAttachment, caseAttachments, cases } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { maskLongNumbers } from '../../personal-data.ts';
import type { CaseDeps } from '../transition.ts';

export async function readAttachment(
  deps: CaseDeps,
  input: { user: SessionUser; caseId: number; attachmentId: number },
): Promise<CaseAttachment & { content: Uint8Array<ArrayBuffer> }> {
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ attachment: caseAttachments, agencyId: cases.agencyId })
      .from(caseAttachments)
      .innerJoin(cases, eq(cases.id, caseAttachments.caseId))
      .where(and(eq(caseAttachments.id, input.attachmentId), eq(caseAttachments.caseId, input.caseId)));
    if (!found) throw new AppError('not_found', `申请 ${input.caseId} 没有附件 ${input.attachmentId}`);
    requirePermission(input.user, 'case.handle', found.agencyId);
    const a = found.attachment;
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.user.id,
      action: 'case.attachment_read',
      entityType: 'case',
      entityId: input.caseId,
      agencyId: found.agencyId,
      data: { attachmentId: a.id, kind: a.kind, filename: maskLongNumbers(a.filename), sha256: a.sha256 },
    });
    // A plain Uint8Array of its own (node-postgres gives a Buffer, often a view of a larger pool).
    return { ...a, content: new Uint8Array(a.content) };
  });
}
