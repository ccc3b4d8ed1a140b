/** 退回修改: a reviewer sends the item back to the drafter with comments (required). */
import { AppError } from '../../errors.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';

export async function returnItem(deps: CatalogDeps, input: ChangeInput & { comment: string }) {
  const comment = input.comment?.trim();
  if (!comment || comment.length < 2) throw new AppError('bad_input', '退回须写明修改意见');
  return changeItem(deps, input, 'catalog.review', 'catalog.returned', async (_tx, item) => {
    requireState(item, ['in_review'], '退回');
    const step = item.reviewChain[item.reviewStep] ?? '审核';
    return {
      set: { state: 'returned', reviewStep: 0 },
      review: { step, decision: 'returned', comment },
      auditData: { step, comment },
    };
  });
}
