/**
 * What stands between an item and publication: personal data found in its body or attachment text, unless
 * masked or overridden by a reviewer (the override names the very findings it covers).
 */
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type CatalogItem, catalogAttachments } from '../db/schema/catalog.ts';
import { attachmentHandling } from './attachment-mask.ts';
import { findPersonalData, PERSONAL_DATA_NAMES, type PersonalDataFinding } from './pii.ts';
import { htmlToText } from './sanitize.ts';

export interface LocatedFinding extends PersonalDataFinding {
  /** 'body', or the attachment's file name. */
  where: string;
  attachmentId?: number;
}

/** Every personal-data finding of an item: body first, then each attachment. */
export async function itemPersonalData(db: Executor, item: Pick<CatalogItem, 'id' | 'title' | 'body'>) {
  const findings: LocatedFinding[] = [];
  for (const f of findPersonalData(`${item.title}\n${htmlToText(item.body)}`)) findings.push({ ...f, where: 'body' });
  const files = await db
    .select({ id: catalogAttachments.id, filename: catalogAttachments.filename, text: catalogAttachments.text })
    .from(catalogAttachments)
    .where(eq(catalogAttachments.itemId, item.id))
    .orderBy(asc(catalogAttachments.id));
  for (const file of files) {
    for (const f of findPersonalData(file.text ?? ''))
      findings.push({ ...f, where: file.filename, attachmentId: file.id });
  }
  return findings;
}

/** A fingerprint of findings (what they are and where), for the override to name. */
export function findingsFingerprint(findings: LocatedFinding[]): string {
  const h = createHash('sha256');
  for (const f of findings) h.update(`${f.where}|${f.kind}|${f.masked}|${f.start}\n`);
  return h.digest('hex').slice(0, 32);
}

/** A line of Chinese per finding, for the reviewer. */
export const describeFinding = (f: LocatedFinding) =>
  `${f.where === 'body' ? '正文' : `附件“${f.where}”`}含有${PERSONAL_DATA_NAMES[f.kind]}（${f.masked}）`;

/**
 * Per attachment, in order: what 保密审查 can do with it (mask automatically, have it replaced, or nothing
 * because its text could not be read: attachment-mask.ts).
 */
export async function attachmentHandlings(db: Executor, itemId: number) {
  const files = await db
    .select({
      id: catalogAttachments.id,
      filename: catalogAttachments.filename,
      mediaType: catalogAttachments.mediaType,
      unread: sql<boolean>`${catalogAttachments.text} is null`,
    })
    .from(catalogAttachments)
    .where(eq(catalogAttachments.itemId, itemId))
    .orderBy(asc(catalogAttachments.id));
  return files.map((f) => ({
    id: f.id,
    filename: f.filename,
    handling: attachmentHandling(f.mediaType, !f.unread),
  }));
}
