/**
 * What stands between an item and publication: personal data found in its body or attachment text, unless
 * masked or overridden by a reviewer (the override names the very findings it covers).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type CatalogItem, catalogAttachments, catalogReviews } from '../db/schema/catalog.ts';
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

/** The review decision recording that an attachment whose text cannot be read was checked by eye. */
export const ATTACHMENT_CHECKED = 'attachment_checked';

/**
 * Attachments whose text could not be read (a scanned PDF, an image) and that no reviewer has yet recorded
 * as checked by eye, in this very version (the record names the file's SHA-256: a replaced file is unchecked).
 * 保密审查 fails closed: what cannot be read cannot be cleared by the machine.
 */
export async function uncheckedAttachments(db: Executor, itemId: number) {
  const unread = await db
    .select({ id: catalogAttachments.id, filename: catalogAttachments.filename, sha256: catalogAttachments.sha256 })
    .from(catalogAttachments)
    .where(and(eq(catalogAttachments.itemId, itemId), isNull(catalogAttachments.text)))
    .orderBy(asc(catalogAttachments.id));
  if (!unread.length) return [];
  const checked = await db
    .select({ comment: catalogReviews.comment })
    .from(catalogReviews)
    .where(and(eq(catalogReviews.itemId, itemId), eq(catalogReviews.decision, ATTACHMENT_CHECKED)));
  return unread.filter((a) => !checked.some((r) => r.comment?.startsWith(`${a.sha256} `)));
}

/**
 * Why an item cannot pass a review step now, or null: personal data not masked (a 身份证号 always; other
 * kinds unless a reviewer confirmed exactly these findings), or an unread attachment nobody checked by eye.
 */
export async function publicationBlock(
  db: Executor,
  item: Pick<CatalogItem, 'id' | 'title' | 'body' | 'piiOverride'>,
): Promise<{ message: string; findings: LocatedFinding[] } | null> {
  const findings = await itemPersonalData(db, item);
  const ids = findings.filter((f) => f.kind === 'id_card');
  if (ids.length) {
    return {
      message: `发现居民身份证号码，不能发布：${ids.map(describeFinding).join('；')}。身份证号码须作脱敏处理，不能确认发布（《条例》第十五条）`,
      findings,
    };
  }
  const override = item.piiOverride;
  if (findings.length > 0 && override?.fingerprint === findingsFingerprint(findings) && !override.confirmedBy) {
    return {
      message: `发现个人信息：${findings.map(describeFinding).join('；')}。已有审核人员提出确认发布，须由另一名审核人员复核确认后才能发布`,
      findings,
    };
  }
  if (findings.length > 0 && override?.fingerprint !== findingsFingerprint(findings)) {
    return {
      message: `发现个人信息，不能发布：${findings.map(describeFinding).join('；')}。请作脱敏处理，或由审核人员说明理由后确认发布`,
      findings,
    };
  }
  const unchecked = await uncheckedAttachments(db, item.id);
  if (unchecked.length) {
    return {
      message: `附件${unchecked.map((a) => `“${a.filename}”`).join('、')}的文字无法读取，未能自动检查个人信息：请审核人员逐页人工核对后在“人工核对附件”中确认，或替换为可读取的文件`,
      findings,
    };
  }
  return null;
}
