/**
 * 审核通过 one step of the chain, with the confidentiality checklist (国家秘密, 商业秘密, 个人隐私 —
 * 《条例》第十四条、第十五条). The last step (审发) releases the item: 主动公开 items are published (发布日期 =
 * today, the 第二十六条 time limit checked and flagged), others are filed. Nobody approves the last step of
 * their own submission, and each step needs a different person unless the agency's settings allow one person
 * (一人办理多个环节, for a unit with one reviewer). At every step, 保密审查 blocks: a 身份证号 until masked; other personal data until
 * masked or confirmed by a reviewer; an attachment whose text cannot be read until checked by eye.
 */

import { loadCalendar } from '../../calendar-store/index.ts';
import type { ConfidentialityChecklist } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { itemPersonalData, publicationBlock } from '../content-check.ts';
import { stepsTakenBy } from '../review-round.ts';
import { settingsOf } from '../settings.ts';
import { proactiveTimeliness } from '../timeliness.ts';

export async function approveStep(
  deps: CatalogDeps,
  input: ChangeInput & { checklist: ConfidentialityChecklist; comment?: string },
) {
  const c = input.checklist;
  if (c?.stateSecret !== true || c.commercialSecret !== true || c.privacy !== true) {
    throw new AppError('bad_input', '请逐项完成保密审查：确认不涉及国家秘密、商业秘密、个人隐私；涉及的请退回修改');
  }
  return changeItem(deps, input, 'catalog.review', 'catalog.approved', async (tx, item) => {
    requireState(item, ['in_review'], '审核');
    const step = item.reviewChain[item.reviewStep] ?? '审发';
    const last = item.reviewStep >= item.reviewChain.length - 1;
    const review = { step, decision: 'approved', comment: input.comment ?? null, checklist: c };
    if (!(await settingsOf(tx, item.agencyId))?.allowOneReviewer) {
      const mine = await stepsTakenBy(tx, item.id, input.user.id);
      if (mine.length) {
        throw new AppError(
          'forbidden',
          `您已办理本信息的“${mine.join('、')}”环节，“${step}”须由另一名审核人员办理（本单位未设置允许一人办理多个审核环节）`,
        );
      }
    }
    // 保密审查 at every step of the chain, not only the last: no step passes what the last must refuse.
    const block = await publicationBlock(tx, item);
    if (block) throw new AppError('blocked', block.message, { findings: block.findings });
    if (!last) return { set: { reviewStep: item.reviewStep + 1 }, review, auditData: { step } };

    if (item.submittedBy === input.user.id || item.createdBy === input.user.id) {
      throw new AppError('forbidden', `不能${step}本人起草或提交的信息，请由其他审核人员办理`);
    }
    const findings = await itemPersonalData(tx, item);
    if (item.disclosure !== 'active') {
      return { set: { state: 'filed', reviewStep: item.reviewStep + 1 }, review, auditData: { step } };
    }
    const today = deps.clock.today();
    let timeliness: { publishDueOn: string | null; publishedLate: number | null } = {
      publishDueOn: null,
      publishedLate: null,
    };
    if (item.writtenOn) {
      try {
        const t = proactiveTimeliness(await loadCalendar(tx), item.writtenOn, today);
        timeliness = { publishDueOn: t.dueOn, publishedLate: t.late ? 1 : 0 };
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'calendar_missing')) throw error;
      }
    }
    return {
      set: { state: 'published', publishedOn: today, reviewStep: item.reviewStep + 1, ...timeliness },
      review,
      auditData: { step, publishedOn: today, ...timeliness, personalDataOverridden: findings.length > 0 },
    };
  });
}
