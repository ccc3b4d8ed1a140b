import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { uniqueViolation } from '../db/errors.ts';
import { type Agency, type AgencyKind, agencies, agencyKinds } from '../db/schema/agencies.ts';
import { AppError } from '../errors.ts';
import { parseCreditCode } from '../identifiers/credit-code.ts';

export interface CreateAgencyInput {
  actorId: number | null;
  parentId: number | null;
  name: string;
  kind: AgencyKind;
  creditCode?: string | null;
}

/** Which kinds may sit under which: 人民政府 → 部门 / 乡镇街道 (/ 下级人民政府) → 内设机构. */
export const ALLOWED_PARENTS: Record<AgencyKind, (AgencyKind | null)[]> = {
  government: [null, 'government'],
  department: ['government'],
  town: ['government'],
  office: ['government', 'department', 'town'],
};

/**
 * Adds an agency under `parentId` (null: a root 人民政府), computing its materialized path; audited.
 *
 * @example
 * const county = await createAgency({ db, clock }, { actorId: null, parentId: null, name: '某县人民政府', kind: 'government' });
 */
export async function createAgency(deps: { db: Db; clock: Clock }, input: CreateAgencyInput): Promise<Agency> {
  const name = input.name.trim();
  if (!name) throw new AppError('bad_input', '机关名称不能为空', { field: 'name' });
  if (!agencyKinds.includes(input.kind)) throw new AppError('bad_input', `机关类型无效：${input.kind}`);
  const creditCode = input.creditCode ? parseCreditCode(input.creditCode) : null;
  const codeTaken = (by: string) => new AppError('conflict', `统一社会信用代码 ${creditCode} 已被${by}使用`);
  try {
    return await deps.db.transaction(async (tx) => {
      let parentPath = '/';
      let parentKind: AgencyKind | null = null;
      if (input.parentId !== null) {
        const [parent] = await tx.select().from(agencies).where(eq(agencies.id, input.parentId));
        if (!parent) throw new AppError('not_found', `上级机关不存在：${input.parentId}`);
        parentPath = parent.path;
        parentKind = parent.kind;
      }
      if (!ALLOWED_PARENTS[input.kind].includes(parentKind)) {
        throw new AppError(
          'bad_input',
          `${KIND_NAMES[input.kind]}不能设在${parentKind ? KIND_NAMES[parentKind] : '顶层'}之下`,
        );
      }
      if (creditCode) {
        const [taken] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.creditCode, creditCode));
        if (taken) throw codeTaken(`机关 ${taken.id} `);
      }
      const next = await tx.execute<{ id: number }>(
        sql`select nextval(pg_get_serial_sequence('agencies', 'id'))::int as id`,
      );
      const id = next.rows[0].id;
      const [agency] = await tx
        .insert(agencies)
        .values({ id, parentId: input.parentId, name, kind: input.kind, creditCode, path: `${parentPath}${id}/` })
        .returning();
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.actorId,
        action: 'agency.created',
        entityType: 'agency',
        entityId: id,
        agencyId: id,
        data: { name, kind: input.kind, parentId: input.parentId, creditCode },
      });
      return agency;
    });
  } catch (error) {
    if (uniqueViolation(error) === 'agencies_credit_code_unique') throw codeTaken('另一机关');
    throw error;
  }
}

export const KIND_NAMES: Record<AgencyKind, string> = {
  government: '人民政府',
  department: '部门',
  town: '乡镇（街道）',
  office: '内设机构',
};
