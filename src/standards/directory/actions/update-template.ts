/**
 * 修改标准目录模板: an administrator corrects or completes a template item (its wording against the area's 指引).
 * Units that adopted it keep their own copies; what they adopt from now on is the new wording. The form
 * carries the version it was shown (src/db/edit-version.ts): a stale save is refused.
 */
import { eq } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../../auth/roles.ts';
import type { Clock } from '../../../clock.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { assertEditVersion, editVersionOf } from '../../../db/edit-version.ts';
import { type StandardDirectoryItem, standardDirectoryItems } from '../../../db/schema/standards.ts';
import { AppError } from '../../../errors.ts';
import { type ItemFields, itemFieldsSchema, parseItemFields } from '../item-fields.ts';

/** The templates are the county's shared data: kept by whoever administers the agencies. */
export const TEMPLATE_PERMISSION = 'agency.manage' as const;

/** A template's edit version: its updated_at and the fields edited. */
export function templateVersion(row: StandardDirectoryItem): string {
  const keys = Object.keys(itemFieldsSchema.shape) as (keyof ItemFields)[];
  return editVersionOf(row, Object.fromEntries(keys.map((k) => [k, row[k]])));
}

export async function updateTemplate(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; templateId: number; version: string; fields: ItemFields },
): Promise<StandardDirectoryItem> {
  requirePermission(input.user, TEMPLATE_PERMISSION, input.user.agencyId);
  const f = parseItemFields(input.fields);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(standardDirectoryItems)
      .where(eq(standardDirectoryItems.id, input.templateId))
      .for('update');
    if (!row) throw new AppError('not_found', '标准目录模板事项不存在');
    assertEditVersion(templateVersion(row), input.version, '该模板事项');
    const changed = (Object.keys(f) as (keyof typeof f)[]).filter(
      (k) => JSON.stringify(row[k]) !== JSON.stringify(f[k]),
    );
    const [updated] = await tx
      .update(standardDirectoryItems)
      .set({ ...f, updatedAt: now, updatedBy: input.user.id })
      .where(eq(standardDirectoryItems.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'standard_template.updated',
      entityType: 'standard_directory_item',
      entityId: row.id,
      data: { key: row.key, fields: changed },
    });
    return updated;
  });
}
