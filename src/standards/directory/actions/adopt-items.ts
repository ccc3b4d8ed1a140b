/**
 * 采用标准目录事项: an agency adopts template items — one, or every item of an area — as its own copies, which it
 * may then edit (its 主体, 渠道, 时限). An item adopted before and retired is taken up again (same copy, the
 * retirement cleared); one already in force is left as it is. One audit event per item taken up.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../../auth/roles.ts';
import type { Clock } from '../../../clock.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { agencies } from '../../../db/schema/agencies.ts';
import { type AgencyStandardItem, agencyStandardItems, standardDirectoryItems } from '../../../db/schema/standards.ts';
import { AppError } from '../../../errors.ts';
import { parseDate } from '../../../law/dates.ts';
import { areaName, isArea } from '../areas.ts';

/** Who may keep a unit's 标准目录: whoever may edit its catalog. */
export const DIRECTORY_PERMISSION = 'catalog.edit' as const;

export async function adoptStandardItems(
  deps: { db: Db; clock: Clock },
  input: {
    user: SessionUser;
    agencyId: number;
    /** One template, or … */
    templateId?: number;
    /** … every template of an area. */
    area?: string;
    /** From when the unit answers for the items (default today). */
    adoptedOn?: string;
  },
): Promise<AgencyStandardItem[]> {
  requirePermission(input.user, DIRECTORY_PERMISSION, input.agencyId);
  if ((input.templateId == null) === (input.area == null))
    throw new AppError('bad_input', '请选择一个标准目录事项或一个试点领域');
  if (input.area != null && !isArea(input.area)) throw new AppError('bad_input', `试点领域不存在：${input.area}`);
  const adoptedOn = input.adoptedOn ? parseDate(input.adoptedOn, '采用日期') : deps.clock.today();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw new AppError('not_found', '机关不存在');
    const templates = await tx
      .select()
      .from(standardDirectoryItems)
      .where(
        input.templateId != null
          ? eq(standardDirectoryItems.id, input.templateId)
          : eq(standardDirectoryItems.area, input.area!),
      )
      .orderBy(standardDirectoryItems.seq);
    if (templates.length === 0)
      throw new AppError(
        'not_found',
        input.area ? `${areaName(input.area)}领域尚无标准目录事项` : '标准目录事项不存在',
      );
    const existing = await tx
      .select()
      .from(agencyStandardItems)
      .where(
        and(
          eq(agencyStandardItems.agencyId, agency.id),
          inArray(
            agencyStandardItems.templateId,
            templates.map((t) => t.id),
          ),
        ),
      );
    const out: AgencyStandardItem[] = [];
    for (const t of templates) {
      const had = existing.find((e) => e.templateId === t.id);
      if (had && !had.retiredAt) continue;
      let row: AgencyStandardItem;
      if (had) {
        [row] = await tx
          .update(agencyStandardItems)
          .set({
            retiredAt: null,
            retiredBy: null,
            retireReason: null,
            adoptedOn,
            adoptedBy: input.user.id,
            version: had.version + 1,
            updatedAt: now,
            updatedBy: input.user.id,
          })
          .where(eq(agencyStandardItems.id, had.id))
          .returning();
      } else {
        [row] = await tx
          .insert(agencyStandardItems)
          .values({
            agencyId: agency.id,
            templateId: t.id,
            area: t.area,
            level1: t.level1,
            level2: t.level2,
            content: t.content,
            basis: t.basis,
            timeLimit: t.timeLimit,
            subject: t.subject,
            channels: t.channels,
            forPublic: t.forPublic,
            forGroup: t.forGroup,
            proactive: t.proactive,
            onRequest: t.onRequest,
            levels: t.levels,
            category: t.category,
            adoptedOn,
            adoptedBy: input.user.id,
            updatedAt: now,
            updatedBy: input.user.id,
          })
          .returning();
      }
      await recordAudit(tx, {
        at: now,
        actorId: input.user.id,
        action: 'standard_item.adopted',
        entityType: 'agency_standard_item',
        entityId: row.id,
        agencyId: agency.id,
        data: { templateId: t.id, area: t.area, item: `${t.level1}／${t.level2}`, adoptedOn, again: Boolean(had) },
      });
      out.push(row);
    }
    return out;
  });
}
