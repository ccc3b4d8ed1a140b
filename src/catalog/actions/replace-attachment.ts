/**
 * 替换附件: an attachment is replaced by a file processed outside the platform (a PDF redacted in a PDF editor,
 * a scan made again), with a reason. The row keeps its place and gets the new bytes, name, type, size, sha256
 * and extracted text; the original's bytes are overwritten, not kept anywhere. The audit event records both
 * checksums and the reason; the item is re-indexed, a reviewer's override of personal data lapses, and the new
 * file is checked again like any other (personal data left in it still blocks publication). Staff replace;
 * once the item is in review, the reviewer may too (as with 脱敏处理).
 */
import { and, eq } from 'drizzle-orm';
import { can } from '../../auth/roles.ts';
import { catalogAttachments } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { prepareAttachment } from '../attachments.ts';
import { type CatalogDeps, type ChangeInput, changeItem, getItem, requireState } from '../change.ts';
import { describeFinding } from '../content-check.ts';
import { findPersonalData } from '../pii.ts';

export async function replaceAttachment(
  deps: CatalogDeps,
  input: ChangeInput & {
    attachmentId: number;
    filename: string;
    mediaType?: string;
    content: Uint8Array;
    reason: string;
  },
) {
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2) throw new AppError('bad_input', '请写明替换附件的理由（如：已对身份证号作遮盖处理）');
  if (reason.length > 2000) throw new AppError('bad_input', '替换理由过长');
  const { filename, mediaType, sha256, text } = await prepareAttachment(input);

  const current = await getItem(deps.db, input.itemId);
  const permission =
    current.state === 'in_review' && can(input.user, 'catalog.review', current.agencyId)
      ? 'catalog.review'
      : 'catalog.edit';
  return changeItem(deps, input, permission, 'catalog.attachment_replaced', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn', 'in_review'], '替换附件');
    const where = and(eq(catalogAttachments.id, input.attachmentId), eq(catalogAttachments.itemId, item.id));
    const [old] = await tx
      .select({
        filename: catalogAttachments.filename,
        mediaType: catalogAttachments.mediaType,
        size: catalogAttachments.size,
        sha256: catalogAttachments.sha256,
      })
      .from(catalogAttachments)
      .where(where)
      .for('update');
    if (!old) throw new AppError('not_found', `附件不存在：${input.attachmentId}`);
    if (old.sha256 === sha256) throw new AppError('bad_input', '上传的文件与原附件完全相同，未作替换');
    await tx
      .update(catalogAttachments)
      .set({ filename, mediaType, size: input.content.byteLength, sha256, content: input.content, text })
      .where(where);
    const findings = findPersonalData(text ?? '').map((f) =>
      describeFinding({ ...f, where: filename, attachmentId: input.attachmentId }),
    );
    return {
      set: { piiOverride: null },
      reindex: true,
      review:
        item.state === 'in_review'
          ? { step: item.reviewChain[item.reviewStep] ?? '审核', decision: 'attachment_replaced', comment: reason }
          : undefined,
      auditData: {
        attachmentId: input.attachmentId,
        reason,
        old: { filename: old.filename, mediaType: old.mediaType, size: old.size, sha256: old.sha256 },
        new: { filename, mediaType, size: input.content.byteLength, sha256 },
        textExtracted: text !== null,
        personalData: findings,
      },
    };
  });
}
