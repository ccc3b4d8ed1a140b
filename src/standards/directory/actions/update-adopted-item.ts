/**
 * 修改本单位标准目录事项: the unit edits its own copy of an adopted item (the template is not touched). The
 * version it was shown must still be the row's: a stale form is refused.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requirePermission, type SessionUser } from '../../../auth/roles.ts';
import type { Clock } from '../../../clock.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { type AgencyStandardItem, agencyStandardItems } from '../../../db/schema/standards.ts';
import { AppError } from '../../../errors.ts';
import { parseTimeLimit } from '../time-limit.ts';
import { DIRECTORY_PERMISSION } from './adopt-items.ts';

export const adoptedItemFieldsSchema = z.object({
  level1: z.string().trim().min(1, '一级事项不能为空').max(200),
  level2: z.string().trim().min(1, '二级事项不能为空').max(200),
  content: z.string().trim().max(5000),
  basis: z.string().trim().max(2000),
  timeLimit: z.string().trim().min(1, '公开时限不能为空').max(200),
  subject: z.string().trim().max(200),
  channels: z.array(z.string().trim().min(1).max(50)).max(20),
  forPublic: z.boolean(),
  forGroup: z.boolean(),
  proactive: z.boolean(),
  onRequest: z.boolean(),
});
export type AdoptedItemFields = z.input<typeof adoptedItemFieldsSchema>;

export async function updateAdoptedItem(
  deps: { db: Db; clock: Clock },
  input: { user: SessionUser; itemId: number; version: number; fields: AdoptedItemFields },
): Promise<AgencyStandardItem> {
  const parsed = adoptedItemFieldsSchema.safeParse(input.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_input', `${issue.path.join('.') || '输入'}：${issue.message}`, {
      issues: parsed.error.issues,
    });
  }
  const f = parsed.data;
  if (parseTimeLimit(f.timeLimit).kind === 'unparsed')
    throw new AppError(
      'bad_input',
      '公开时限无法识别：请写成“信息形成或者变更之日起20个工作日内”“批准后20日内”“每年6月底前”或“实时公开”等形式',
      { field: 'timeLimit' },
    );
  if (!f.forPublic && !f.forGroup) throw new AppError('bad_input', '请至少选择一个公开对象', { field: 'forPublic' });
  if (!f.proactive && !f.onRequest) throw new AppError('bad_input', '请至少选择一种公开方式', { field: 'proactive' });
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
