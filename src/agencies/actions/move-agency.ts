/**
 * 调整隶属关系 by a 系统管理员 (机构改革 moves bodies between governments, or a 内设机构 to another department):
 * the agency and its whole subtree move under the new parent; every record keeps its id, and each path below is
 * rewritten in the same transaction, so scopes (a supervisor's subtree) follow at once. The tree's rules hold:
 * the kinds allowed under the new parent, never under itself or its own subtree. Audited ('agency.moved').
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseFields } from '../../api-input.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import type { SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';
import { ALLOWED_PARENTS, KIND_NAMES } from '../create-agency.ts';

export const moveAgencyInput = z.object({
  parentId: z.union([z.literal('').transform(() => null), z.null(), z.coerce.number().int().positive()]),
});

export async function moveAgency(
  deps: { db: Db; clock: Clock },
  input: { actor: SessionUser; agencyId: number; change: unknown },
): Promise<void> {
  requireAdmin(input.actor);
  const { parentId } = parseFields(moveAgencyInput, input.change);
  const refuse = (message: string) => new AppError('bad_input', message, { fields: { parentId: message } });
  await deps.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).for('update');
    if (!agency) throw new AppError('not_found', `机关不存在：${input.agencyId}`);
    if (agency.parentId === parentId) return;
    let parentPath = '/';
    let parentKind = null;
    if (parentId !== null) {
      const [parent] = await tx.select().from(agencies).where(eq(agencies.id, parentId));
      if (!parent) throw refuse(`上级机关不存在：${parentId}`);
      if (parent.path.startsWith(agency.path)) throw refuse(`${agency.name}不能设在其自身或其下级机关之下`);
      parentPath = parent.path;
      parentKind = parent.kind;
    }
    if (!ALLOWED_PARENTS[agency.kind].includes(parentKind)) {
      throw refuse(`${KIND_NAMES[agency.kind]}不能设在${parentKind ? KIND_NAMES[parentKind] : '顶层'}之下`);
    }
    const newPath = `${parentPath}${agency.id}/`;
    await tx.update(agencies).set({ parentId }).where(eq(agencies.id, agency.id));
    // The whole subtree: one prefix swap (paths are '/1/4/9/').
    await tx.execute(
      sql`update agencies set path = ${newPath} || substr(path, ${agency.path.length + 1})
          where path like ${`${agency.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.actor.id,
      action: 'agency.moved',
      entityType: 'agency',
      entityId: agency.id,
      agencyId: agency.id,
      data: { from: agency.parentId, to: parentId, path: { from: agency.path, to: newPath } },
    });
  });
}
