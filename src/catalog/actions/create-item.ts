/**
 * 新建目录信息 (a draft): staff of the agency enter the metadata; the 索引号 is taken in the same
 * transaction (src/catalog/index-number.ts).
 */

import { getAgency } from '../../agencies/tree.ts';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { type CatalogItem, catalogItems } from '../../db/schema/catalog.ts';
import type { CatalogDeps } from '../change.ts';
import { nextIndexNo } from '../index-number.ts';
import { checkItemFields, type ItemFields, itemSearchText, parseItemFields } from '../item-fields.ts';

export async function createItem(
  deps: CatalogDeps,
  input: { user: SessionUser; agencyId: number; fields: ItemFields },
): Promise<CatalogItem> {
  requirePermission(input.user, 'catalog.edit', input.agencyId);
  const fields = parseItemFields(input.fields);
  return deps.db.transaction(async (tx) => {
    const agency = await getAgency(tx, input.agencyId);
    const values = await checkItemFields(tx, agency.id, agency.kind, fields);
    const year = Number((values.writtenOn ?? deps.clock.today()).slice(0, 4));
    const indexNo = await nextIndexNo(tx, agency.id, year);
    const now = deps.clock.now();
    const [item] = await tx
      .insert(catalogItems)
      .values({
        ...values,
        indexNo,
        agencyId: agency.id,
        createdBy: input.user.id,
        searchText: itemSearchText(values),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'catalog.created',
      entityType: 'catalog_item',
      entityId: item.id,
      agencyId: agency.id,
      data: { indexNo, title: item.title },
    });
    return item;
  });
}
