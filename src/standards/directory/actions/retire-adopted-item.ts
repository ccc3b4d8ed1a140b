/**
 * 停用本单位标准目录事项: an item the unit no longer answers for (the matter moved to another unit, or does not
 * arise at its level), with the reason. Kept, never deleted: catalog items tagged with it stay tagged, and it
 * may be adopted again.
 */
import { eq } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../../auth/roles.ts';
import type { Clock } from '../../../clock.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { type AgencyStandardItem, agencyStandardItems } from '../../../db/schema/standards.ts';
import { AppError } from '../../../errors.ts';
import { DIRECTORY_PERMISSION } from './adopt-items.ts';

export async function retireAdoptedItem(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; itemId: number; reason: string },
): Promise<AgencyStandardItem> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('bad_input', '请写明停用理由', { field: 'reason' });
  if (reason.length > 500) throw new AppError('bad_input', '停用理由过长', { field: 'reason' });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(agencyStandardItems)
      .where(eq(agencyStandardItems.id, input.itemId))
      .for('update');
    if (!row) throw new AppError('not_found', '标准目录事项不存在');
    requirePermission(input.user, DIRECTORY_PERMISSION, row.agencyId);
    if (row.retiredAt) throw new AppError('invalid_state', '该事项已停用');
    const [updated] = await tx
      .update(agencyStandardItems)
      .set({
        retiredAt: now,
        retiredBy: input.user.id,
        retireReason: reason,
        version: row.version + 1,
        updatedAt: now,
        updatedBy: input.user.id,
      })
      .where(eq(agencyStandardItems.id, row.id))
      .returning();
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'standard_item.retired',
      entityType: 'agency_standard_item',
      entityId: row.id,
      agencyId: row.agencyId,
      data: { reason, item: `${row.level1}／${row.level2}` },
    });
    return updated;
  });
}
