/**
 * 确认发布（含个人信息）: a reviewer decides the personal data found may be published (e.g. a 公示 the law
 * requires), with a recorded reason. The decision covers exactly the findings seen now.
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
    return {
      set: { piiOverride: { by: input.user.id, at: deps.clock.now().toISOString(), reason, fingerprint } },
      review: { step: item.reviewChain[item.reviewStep] ?? '审核', decision: 'pii_override', comment: reason },
      auditData: { reason, findings: findings.map(describeFinding) },
    };
  });
}
