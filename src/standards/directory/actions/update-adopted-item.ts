/**
 * 修改本单位标准目录事项: the unit edits its own copy of an adopted item (the template is not touched). The
 * version it was shown must still be the row's: a stale form is refused.
 */
import { eq } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../../auth/roles.ts';
import type { Clock } from '../../../clock.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { type AgencyStandardItem, agencyStandardItems } from '../../../db/schema/standards.ts';
import { AppError } from '../../../errors.ts';
import { type ItemFields, parseItemFields } from '../item-fields.ts';
import { DIRECTORY_PERMISSION } from './adopt-items.ts';

export async function updateAdoptedItem(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; itemId: number; version: number; fields: ItemFields },
): Promise<AgencyStandardItem> {
  const f = parseItemFields(input.fields);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(agencyStandardItems)
      .where(eq(agencyStandardItems.id, input.itemId))
      .for('update');
    if (!row) throw new AppError('not_found', '标准目录事项不存在');
    requirePermission(input.user, DIRECTORY_PERMISSION, row.agencyId);
    if (row.retiredAt) throw new AppError('invalid_state', '该事项已停用，不能修改');
    if (row.version !== input.version)
      throw new AppError('conflict', '该事项已被他人修改，请刷新后重试', { current: row.version });
    const changed = (Object.keys(f) as (keyof typeof f)[]).filter(
      (k) => JSON.stringify(row[k]) !== JSON.stringify(f[k]),
    );
    const [updated] = await tx
      .update(agencyStandardItems)
      .set({ ...f, version: row.version + 1, updatedAt: now, updatedBy: input.user.id })
      .where(eq(agencyStandardItems.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'standard_item.updated',
      entityType: 'agency_standard_item',
      entityId: row.id,
      agencyId: row.agencyId,
      data: { fields: changed },
    });
    return updated;
  });
}
