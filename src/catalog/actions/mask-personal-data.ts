/**
 * 脱敏处理: masks every personal-data finding in the title, the body and the attachments the platform can
 * rewrite — text and HTML (in their own encoding), DOCX and XLSX (in the document's own XML, split runs
 * included: src/catalog/docx.ts, xlsx.ts). A rewritten file gets its new sha256 and size, and its text is
 * extracted again from the new bytes. Findings in PDF and other formats stay where they are — automatic
 * redaction of a PDF is not reliable — and the result says so (`personalDataRemaining`, also in the audit
 * event): replace such a file with a processed one (replace-attachment.ts) or have a reviewer decide. Staff
 * mask; once the item is in review, the reviewer may too.
 */
import { eq } from 'drizzle-orm';
import { can } from '../../auth/roles.ts';
import { catalogAttachments } from '../../db/schema/catalog.ts';
import { maskAttachmentContent } from '../attachment-mask.ts';
import { readAttachmentText, sha256Hex } from '../attachments.ts';
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
  let remaining: string[] = [];
  const item = await changeItem(deps, input, permission, 'catalog.personal_data_masked', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn', 'in_review'], '脱敏处理');
    const before = await itemPersonalData(tx, item);
    const files = await tx.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id));
    const rewritten: { attachmentId: number; filename: string; oldSha256: string; sha256: string }[] = [];
    for (const file of files) {
      const content = await maskAttachmentContent(file.content, file.mediaType);
      if (content === null) continue;
      const sha256 = sha256Hex(content);
      await tx
        .update(catalogAttachments)
        .set({ content, size: content.byteLength, sha256, text: await readAttachmentText(content, file.mediaType) })
        .where(eq(catalogAttachments.id, file.id));
      rewritten.push({ attachmentId: file.id, filename: file.filename, oldSha256: file.sha256, sha256 });
    }
    const set = { title: maskPersonalData(item.title), body: maskPersonalData(item.body), piiOverride: null };
    remaining = (await itemPersonalData(tx, { id: item.id, ...set })).map(describeFinding);
    const masked = before.map(describeFinding).filter((f) => !remaining.includes(f));
    return { set, reindex: true, auditData: { masked, rewritten, remaining } };
  });
  /** What masking could not reach (PDF and other formats): still blocking publication. */
  return Object.assign(item, { personalDataRemaining: remaining });
}
