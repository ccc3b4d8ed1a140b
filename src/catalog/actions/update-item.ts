/**
 * 修改目录信息: a draft, a returned item, or a withdrawn one (corrected, then submitted again); the body is
 * sanitised again and the item re-indexed.
 */
import { getAgency } from '../../agencies/tree.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { checkItemFields, type ItemFields, parseItemFields } from '../item-fields.ts';

export async function updateItem(deps: CatalogDeps, input: ChangeInput & { fields: ItemFields }) {
  const fields = parseItemFields(input.fields);
  return changeItem(deps, input, 'catalog.edit', 'catalog.updated', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn'], '修改');
    const agency = await getAgency(tx, item.agencyId);
    const values = await checkItemFields(tx, agency.id, agency.kind, fields);
    // A change to the content needs a new decision on any personal data it holds.
    return { set: { ...values, piiOverride: null }, reindex: true, auditData: { fields: Object.keys(values) } };
  });
}
