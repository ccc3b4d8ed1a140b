/**
 * 机关更名 by a 系统管理员 (机构改革 renames bodies often): the name changes, the id, the tree and every record
 * stay. Audited with the old and the new name ('agency.renamed').
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import type { SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';

export const renameAgencyInput = z.object({
  name: z.string().trim().min(2, '请填写机关名称').max(60, '机关名称不超过60字'),
});

export async function renameAgency(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; agencyId: number; change: unknown },
): Promise<void> {
  requireAdmin(input.actor);
  const { name } = parseFields(renameAgencyInput, input.change);
  await deps.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).for('update');
    if (!agency) throw new AppError('not_found', `机关不存在：${input.agencyId}`);
    if (agency.name === name) return;
    await tx.update(agencies).set({ name }).where(eq(agencies.id, agency.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'agency.renamed',
      entityType: 'agency',
      entityId: agency.id,
      agencyId: agency.id,
      data: { from: agency.name, to: name },
    });
  });
}
