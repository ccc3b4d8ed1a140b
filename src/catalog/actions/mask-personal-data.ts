/**
 * 脱敏处理: masks every personal-data finding in the body and in text / HTML attachments (rewritten, new
 * sha256). Findings in other formats (DOCX …) remain: replace the file or have a reviewer decide. Staff mask;
 * once the item is in review, the reviewer may too.
 */
import { eq } from 'drizzle-orm';
import { can } from '../../auth/roles.ts';
import { catalogAttachments } from '../../db/schema/catalog.ts';
import { isTextual, sha256Hex } from '../attachments.ts';
import { type CatalogDeps, type ChangeInput, changeItem, getItem, requireState } from '../change.ts';
import { describeFinding, itemPersonalData } from '../content-check.ts';
import { maskPersonalData } from '../pii.ts';

export async function maskItemPersonalData(deps: CatalogDeps, input: ChangeInput) {
  // The drafting staff mask; in review, so may the reviewer (脱敏 is part of 保密审查).
  const current = await getItem(deps.db, input.itemId);
  const permission =
    current.state === 'in_review' && can(input.user, 'catalog.review', current.agencyId)
      ? 'catalog.review'
      : 'catalog.edit';
  return changeItem(deps, input, permission, 'catalog.personal_data_masked', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'in_review'], '脱敏处理');
    const before = await itemPersonalData(tx, item);
    const files = await tx.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id));
    for (const file of files) {
      if (!isTextual(file.mediaType) || file.text === null) continue;
      const source = new TextDecoder().decode(file.content);
      const masked = maskPersonalData(source);
      if (masked === source) continue;
      const content = new TextEncoder().encode(masked);
      await tx
        .update(catalogAttachments)
        .set({ content, size: content.byteLength, sha256: sha256Hex(content), text: maskPersonalData(file.text) })
        .where(eq(catalogAttachments.id, file.id));
    }
    return {
      set: { title: maskPersonalData(item.title), body: maskPersonalData(item.body), piiOverride: null },
      reindex: true,
      auditData: { masked: before.map(describeFinding) },
    };
  });
}
