/**
 * 人工核对附件: a reviewer records that an attachment whose text could not be read (a scanned PDF, an
 * image) was checked page by page and holds no personal data or secrets. 保密审查 blocks such an item until
 * this record exists for the file as it is now (its SHA-256). Audited, with the reviewer's name.
 */
import { and, eq } from 'drizzle-orm';
import { catalogAttachments } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { ATTACHMENT_CHECKED } from '../content-check.ts';

export async function confirmAttachmentChecked(
  deps: CatalogDeps,
  input: ChangeInput & { attachmentId: number; note?: string },
) {
  return changeItem(deps, input, 'catalog.review', 'catalog.attachment_checked', async (tx, item) => {
    requireState(item, ['in_review'], '人工核对附件');
    const [file] = await tx
      .select()
      .from(catalogAttachments)
      .where(and(eq(catalogAttachments.id, input.attachmentId), eq(catalogAttachments.itemId, item.id)));
    if (!file) throw new AppError('not_found', '附件不存在');
    if (file.text !== null) throw new AppError('invalid_state', '该附件的文字已自动检查，无需人工核对');
    const note = input.note?.trim() || '已逐页人工核对，未发现国家秘密、商业秘密和个人隐私';
    return {
      set: {},
      review: {
        step: item.reviewChain[item.reviewStep] ?? '审核',
        decision: ATTACHMENT_CHECKED,
        comment: `${file.sha256} 附件“${file.filename}”：${note}`,
      },
      auditData: { attachmentId: file.id, filename: file.filename, sha256: file.sha256, note },
    };
  });
}
