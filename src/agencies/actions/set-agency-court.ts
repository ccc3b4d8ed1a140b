/**
 * 管辖法院: the court an agency's letters name for 行政诉讼 (《条例》第五十一条), entered by a 系统管理员 where the
 * tree cannot derive it (集中管辖, a court of another county); empty clears it, and the agency inherits or says
 * 有管辖权的人民法院 (src/cases/documents/review-body.ts). Audited with the old and the new name.
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

export const setCourtInput = z.object({
  courtName: z
    .string()
    .trim()
    .max(60, '法院名称不超过60字')
    .transform((v) => v || null)
    .refine((v) => v === null || /法院$/.test(v), '请填写法院的全称，如“某市某区人民法院”'),
});

export async function setAgencyCourt(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; agencyId: number; change: unknown },
): Promise<void> {
  requireAdmin(input.actor);
  const { courtName } = parseFields(setCourtInput, input.change);
  await deps.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).for('update');
    if (!agency) throw new AppError('not_found', `机关不存在：${input.agencyId}`);
    if (agency.courtName === courtName) return;
    await tx.update(agencies).set({ courtName }).where(eq(agencies.id, agency.id));
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'agency.court_set',
      entityType: 'agency',
      entityId: agency.id,
      agencyId: agency.id,
      data: { from: agency.courtName, to: courtName },
    });
  });
}
