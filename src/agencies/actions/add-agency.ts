/**
 * 新增机关 by a 系统管理员 (console 机构管理, /api/admin, CLI): the form's fields checked with each message
 * beside its field, then src/agencies/create-agency.ts (the tree's rules, 统一社会信用代码 checked; audited).
 */
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import type { SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencyKinds } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';
import { createAgency } from '../create-agency.ts';

export const addAgencyInput = z.object({
  name: z.string().trim().min(2, '请填写机关名称').max(60, '机关名称不超过60字'),
  kind: z.enum(agencyKinds, { message: '请选择机关类型' }),
  parentId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
  creditCode: z
    .string()
    .trim()
    .max(30)
    .transform((v) => v || null),
});

export async function addAgency(deps: { db: Db; clock: Clock }, input: { actor: SessionUser; agency: unknown }) {
  requireAdmin(input.actor);
  const data = parseFields(addAgencyInput, input.agency);
  try {
    return await createAgency(deps, { actorId: input.actor.id, ...data });
  } catch (error) {
    // The tree's and the code's refusals, each beside its field.
    if (error instanceof AppError && !(error.details as { fields?: unknown } | undefined)?.fields) {
      const field = /统一社会信用代码|校验/.test(error.message)
        ? 'creditCode'
        : /不能设在|上级/.test(error.message)
          ? 'parentId'
          : 'name';
      throw new AppError(error.code, error.message, { fields: { [field]: error.message } });
    }
    throw error;
  }
}
