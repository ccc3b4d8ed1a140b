/**
 * Optimistic concurrency for rows edited whole by people (a report's narrative, an agency's settings, a
 * letter template): the form carries the version it was shown, and a save against a row changed since is
 * refused instead of silently overwriting the other person's work (issue #19 item 7). Rows without a version
 * column get one from what they hold: their `updated_at` and the edited content, hashed (two saves in the
 * same millisecond still differ by content). A row not yet saved has the version "new".
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';

export const NEW_ROW_VERSION = 'new';

export function editVersionOf(row: { updatedAt: Date | null } | null | undefined, content: unknown): string {
  if (!row?.updatedAt) return NEW_ROW_VERSION;
  return createHash('sha256')
    .update(JSON.stringify([row.updatedAt.getTime(), content ?? null]))
    .digest('hex')
    .slice(0, 16);
}

/** Throws `conflict` (HTTP 409) when the row is no longer at the version the editor saw. */
export function assertEditVersion(current: string, expected: string, what: string): void {
  if (current !== expected.trim())
    throw new AppError('conflict', `${what}已被他人修改，请刷新后再改；您填写的内容仍在表单中`, {
      version: current,
      fields: { version: `${what}已被他人修改` },
    });
}
