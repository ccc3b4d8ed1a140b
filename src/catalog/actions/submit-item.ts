/**
 * 提交审核: the drafter sends a draft (or a returned item) into the agency's review chain (default
 * 初审 → 审核 → 审发). Personal data found is reported now and blocks the last step until resolved.
 */
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { describeFinding, itemPersonalData } from '../content-check.ts';
import { reviewChainOf } from '../settings.ts';

export async function submitItem(deps: CatalogDeps, input: ChangeInput & { comment?: string }) {
  return changeItem(deps, input, 'catalog.edit', 'catalog.submitted', async (tx, item) => {
    requireState(item, ['draft', 'returned', 'withdrawn'], '提交审核');
    const chain = await reviewChainOf(tx, item.agencyId);
    const findings = await itemPersonalData(tx, item);
    return {
      set: { state: 'in_review', reviewStep: 0, reviewChain: chain, submittedBy: input.user.id },
      review: { step: '提交', decision: 'submitted', comment: input.comment ?? null },
      auditData: { chain, personalData: findings.map(describeFinding) },
    };
  });
}
