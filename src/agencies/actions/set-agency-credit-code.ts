/**
 * 统一社会信用代码 of an agency, entered or corrected by a 系统管理员 (a body created before it had one, a code
 * mistyped): checked with its check character, unique among agencies; empty clears it (内设机构 have none).
 * Audited with the old and the new code ('agency.credit_code_set').
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import type { SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';
import { creditCodeProblem } from '../../identifiers/credit-code.ts';

export const setCreditCodeInput = z.object({
  creditCode: z
    .string()
    .trim()
    .max(30)
    .transform((v) => v.toUpperCase() || null)
    .superRefine((v, ctx) => {
      const problem = v === null ? null : creditCodeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export async function setAgencyCreditCode(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; agencyId: number; change: unknown },
): Promise<void> {
  requireAdmin(input.actor);
  const { creditCode } = parseFields(setCreditCodeInput, input.change);
  const taken = () => {
    const message = `统一社会信用代码 ${creditCode} 已被另一机关使用`;
    return new AppError('conflict', message, { fields: { creditCode: message } });
  };
  try {
    await deps.db.transaction(async (tx) => {
      const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).for('update');
      if (!agency) throw new AppError('not_found', `机关不存在：${input.agencyId}`);
      if (agency.creditCode === creditCode) return;
      if (creditCode) {
        const [other] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.creditCode, creditCode));
        if (other) throw taken();
      }
      await tx.update(agencies).set({ creditCode }).where(eq(agencies.id, agency.id));
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.actor.id,
        action: 'agency.credit_code_set',
        entityType: 'agency',
        entityId: agency.id,
        agencyId: agency.id,
        data: { from: agency.creditCode, to: creditCode },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === 'agencies_credit_code_unique') throw taken();
    throw error;
  }
}
