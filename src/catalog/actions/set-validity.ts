/** 有效性 of a published 规章 / 行政规范性文件: 修订 or 废止 (with its date), e.g. after a 清理. */
import { AppError } from '../../errors.ts';
import { parseDate } from '../../law/dates.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { VALIDITY_NAMES, type Validity } from '../vocabulary.ts';

export async function setValidity(deps: CatalogDeps, input: ChangeInput & { validity: Validity; on: string }) {
  const on = parseDate(input.on, '日期');
  return changeItem(deps, input, 'catalog.edit', 'catalog.validity_changed', async (_tx, item) => {
    requireState(item, ['published'], '变更有效性');
    if (item.docType !== 'rule' && item.docType !== 'normative') {
      throw new AppError('bad_input', '只有规章和行政规范性文件登记有效性');
    }
    if (item.writtenOn && on < item.writtenOn) throw new AppError('bad_input', '日期不能早于成文日期');
    const set =
      input.validity === 'repealed'
        ? { validity: 'repealed', repealedOn: on }
        : input.validity === 'amended'
          ? { validity: 'amended', amendedOn: on, repealedOn: null }
          : { validity: 'valid', repealedOn: null };
    return { set, auditData: { validity: VALIDITY_NAMES[input.validity], on, before: item.validity } };
  });
}
