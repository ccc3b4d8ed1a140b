/**
 * 确认发布（含个人信息）: reviewers decide the personal data found may be published (e.g. a 公示 the law
 * requires), with a recorded reason. It takes two: the first reviewer proposes with the reason, a second,
 * different reviewer confirms (issue #12); until then the item stays blocked. The decision covers exactly the
 * findings seen now.
 */
import { AppError } from '../../errors.ts';
import { type CatalogDeps, type ChangeInput, changeItem, requireState } from '../change.ts';
import { describeFinding, findingsFingerprint, itemPersonalData } from '../content-check.ts';

export async function overridePersonalData(deps: CatalogDeps, input: ChangeInput & { reason: string }) {
  const reason = input.reason?.trim();
  if (!reason || reason.length < 4)
    throw new AppError('bad_input', '请写明确认发布个人信息的理由（法律依据或权利人同意）');
  return changeItem(deps, input, 'catalog.review', 'catalog.personal_data_overridden', async (tx, item) => {
    requireState(item, ['in_review'], '确认个人信息');
    const findings = await itemPersonalData(tx, item);
    if (findings.length === 0) throw new AppError('invalid_state', '未发现个人信息，无需确认');
    // 居民身份证号码 is never published: no reason makes it so (《条例》第十五条); it is masked.
    if (findings.some((f) => f.kind === 'id_card'))
      throw new AppError('blocked', '身份证号码不能确认发布，请作脱敏处理');
    const fingerprint = findingsFingerprint(findings);
    const step = item.reviewChain[item.reviewStep] ?? '审核';
    const proposed = item.piiOverride?.fingerprint === fingerprint ? item.piiOverride : null;
    if (proposed && !proposed.confirmedBy) {
      if (proposed.by === input.user.id) {
        throw new AppError('forbidden', '确认发布个人信息须由另一名审核人员复核，您已提出确认');
      }
      const confirmed = { ...proposed, confirmedBy: input.user.id, confirmedAt: deps.clock.now().toISOString() };
      return {
        set: { piiOverride: confirmed },
        review: { step, decision: 'pii_override_confirmed', comment: reason },
        auditData: { reason, proposedBy: proposed.by, findings: findings.map(describeFinding) },
      };
    }
    if (proposed?.confirmedBy) throw new AppError('invalid_state', '个人信息已由两名审核人员确认发布');
    return {
      set: { piiOverride: { by: input.user.id, at: deps.clock.now().toISOString(), reason, fingerprint } },
      review: { step, decision: 'pii_override', comment: reason },
      auditData: { reason, findings: findings.map(describeFinding), awaiting: 'second_reviewer' },
    };
  });
}
