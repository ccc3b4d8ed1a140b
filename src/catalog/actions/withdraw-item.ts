/** 撤回: a published item is taken down, with the reason recorded; it stays in the records. */
import { AppError } from '../../errors.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';

export async function withdrawItem(deps: CatalogDeps, input: ChangeInput & { reason: string }) {
  const reason = input.reason?.trim();
  if (!reason || reason.length < 2) throw new AppError('bad_input', '撤回须写明理由');
  return changeItem(deps, input, 'catalog.review', 'catalog.withdrawn', async (_tx, item) => {
    requireState(item, ['published'], '撤回');
    return {
      set: { state: 'withdrawn', withdrawnAt: deps.clock.now(), withdrawReason: reason },
      review: { step: '撤回', decision: 'withdrawn', comment: reason },
      auditData: { reason },
    };
  });
}
