/** 上传附件: stored with its sha256; its text extracted for search and personal-data detection. */
import { and, eq } from 'drizzle-orm';
import { catalogAttachments } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { prepareAttachment } from '../attachments.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';

export async function addAttachment(
  deps: CatalogDeps,
  input: ChangeInput & { filename: string; mediaType?: string; content: Uint8Array },
) {
  const { filename, mediaType, sha256, text } = await prepareAttachment(input);
  return changeItem(deps, input, 'catalog.edit', 'catalog.attachment_added', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn'], '上传附件');
    const [att] = await tx
      .insert(catalogAttachments)
      .values({
        itemId: item.id,
        filename,
        mediaType,
        size: input.content.byteLength,
        sha256,
        content: input.content,
        text,
      })
      .returning({ id: catalogAttachments.id });
    return {
      set: { piiOverride: null },
      reindex: true,
      auditData: {
        attachmentId: att.id,
        filename,
        sha256,
        size: input.content.byteLength,
        textExtracted: text !== null,
      },
    };
  });
}

/** 删除附件 (draft or returned item). */
export async function removeAttachment(deps: CatalogDeps, input: ChangeInput & { attachmentId: number }) {
  return changeItem(deps, input, 'catalog.edit', 'catalog.attachment_removed', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn'], '删除附件');
    const gone = await tx
      .delete(catalogAttachments)
      .where(and(eq(catalogAttachments.id, input.attachmentId), eq(catalogAttachments.itemId, item.id)))
      .returning({ filename: catalogAttachments.filename, sha256: catalogAttachments.sha256 });
    if (gone.length === 0) throw new AppError('not_found', `附件不存在：${input.attachmentId}`);
    return { set: { piiOverride: null }, reindex: true, auditData: { attachmentId: input.attachmentId, ...gone[0] } };
  });
}
