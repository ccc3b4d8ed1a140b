/**
 * The statutory outcomes a reply must take exactly one of, with their legal basis and the cell of the
 * annual report each is counted in. 2019 codes are the new2021 row keys under `apply.`; 2007 codes are
 * the old2008 answer types.
 */
import { AppError } from '../errors.ts';
import type { RegimeId } from './regimes.ts';

export interface Outcome {
  code: string;
  regime: RegimeId;
  label: string;
  basis: string;
  reportKey: Partial<Record<'new2021' | 'new2019' | 'old2008', string>>;
  /** The reply must give its reasons (REASONS_REQUIRED below). */
  reasonRequired: boolean;
}

/**
 * Outcomes whose reply must state its reasons: 《条例》(2019) 第三十六条第（三）项 “告知申请人不予公开并说明理由”,
 * 第三十七条 (部分公开: 对不予公开的内容说明理由); 2007 《条例》第二十一条第（二）项 “属于不予公开范围的，应当告知申请人
 * 并说明理由”. Other outcomes tell the applicant a fact (不存在, 另行制作 …) the template states.
 */
export const REASONS_REQUIRED = (code: string): boolean =>
  code.startsWith('withheld.') || code === 'partly_granted' || code.startsWith('refused.');

const o2019 = (code: string, label: string, basis: string): Outcome => ({
  code,
  regime: '2019',
  label,
  basis,
  reportKey: { new2021: `apply.${code}`, new2019: code.startsWith('other.') ? 'apply.other' : `apply.${code}` },
  reasonRequired: REASONS_REQUIRED(code),
});

const o2007 = (code: string, label: string, basis: string): Outcome => ({
  code,
  regime: '2007',
  label,
  basis,
  reportKey: { old2008: `apply.answered.${code}` },
  reasonRequired: REASONS_REQUIRED(code),
});

export const OUTCOMES: Outcome[] = [
  o2019('granted', '予以公开', '《条例》第三十六条第（一）项、第（二）项'),
  o2019('partly_granted', '部分公开', '《条例》第三十七条'),
  o2019('withheld.state_secret', '不予公开：属于国家秘密', '《条例》第三十六条第（三）项、第十四条'),
  o2019('withheld.law_prohibited', '不予公开：其他法律行政法规禁止公开', '《条例》第三十六条第（三）项、第十四条'),
  o2019('withheld.security_stability', '不予公开：危及“三安全一稳定”', '《条例》第三十六条第（三）项、第十四条'),
  o2019('withheld.third_party', '不予公开：保护第三方合法权益', '《条例》第三十六条第（三）项、第十五条'),
  o2019('withheld.internal_affairs', '不予公开：属于三类内部事务信息', '《条例》第三十六条第（三）项、第十六条第一款'),
  o2019('withheld.process_info', '不予公开：属于四类过程性信息', '《条例》第三十六条第（三）项、第十六条第二款'),
  o2019('withheld.enforcement_file', '不予公开：属于行政执法案卷', '《条例》第三十六条第（三）项、第十六条第二款'),
  o2019('withheld.query_matter', '不予公开：属于行政查询事项', '《条例》第三十六条第（七）项'),
  o2019('unavailable.not_held', '无法提供：本机关不掌握相关政府信息', '《条例》第三十六条第（四）项、第（五）项'),
  o2019('unavailable.needs_creation', '无法提供：没有现成信息需要另行制作', '《条例》第三十八条'),
  o2019('unavailable.still_unclear', '无法提供：补正后申请内容仍不明确', '《条例》第三十条'),
  o2019('not_processed.petition', '不予处理：信访举报投诉类申请', '《条例》第三十九条第一款'),
  o2019('not_processed.duplicate', '不予处理：重复申请', '《条例》第三十六条第（六）项'),
  o2019('not_processed.publication', '不予处理：要求提供公开出版物', '《条例》第三十九条第二款'),
  o2019('not_processed.excessive', '不予处理：无正当理由大量反复申请', '《条例》第三十五条'),
  // No article of the 条例 names this case; the annual-report format lists it as 表三（五）5.
  o2019(
    'not_processed.confirm_reissue',
    '不予处理：要求行政机关确认或重新出具已获取信息',
    '《条例》无专门条款（年度报告格式表三第（五）项第5目）',
  ),
  o2019('other.no_correction', '其他处理：申请人无正当理由逾期不补正', '《条例》第三十条'),
  o2019(
    'other.fee_unpaid',
    '其他处理：申请人逾期未按收费通知要求缴纳费用',
    '《条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  ),
  o2019('other.other', '其他处理：其他', '《条例》无专门条款（如申请人撤回申请）'),
  o2007('already_public', '属于已主动公开范围', '2007年《条例》第二十一条第（一）项'),
  o2007('agreed', '同意公开', '2007年《条例》第二十一条第（一）项'),
  o2007('partial', '同意部分公开', '2007年《条例》第二十二条'),
  o2007('refused.state_secret', '不同意公开：涉及国家秘密', '2007年《条例》第十四条第四款、第二十一条第（二）项'),
  o2007(
    'refused.commercial_secret',
    '不同意公开：涉及商业秘密',
    '2007年《条例》第十四条第四款、第二十三条、第二十一条第（二）项',
  ),
  o2007(
    'refused.privacy',
    '不同意公开：涉及个人隐私',
    '2007年《条例》第十四条第四款、第二十三条、第二十一条第（二）项',
  ),
  o2007(
    'refused.security_stability',
    '不同意公开：危及国家安全、公共安全、经济安全和社会稳定',
    '2007年《条例》第八条、第二十一条第（二）项',
  ),
  o2007('refused.not_gov_info', '不同意公开：不是《条例》所指政府信息', '2007年《条例》第二条'),
  // 2007 第十四条第二款 is the 保密审查 duty, not a ground for refusal: the ground here is another law or
  // regulation, answered under 第二十一条第（二）项 (属于不予公开范围的，应当告知申请人并说明理由).
  o2007('refused.other_law', '不同意公开：法律法规规定的其他情形', '2007年《条例》第二十一条第（二）项'),
  o2007('not_this_agency', '不属于本行政机关公开', '2007年《条例》第二十一条第（三）项'),
  o2007('not_exist', '申请信息不存在', '2007年《条例》第二十一条第（三）项'),
  o2007('correction', '告知作出更改补充', '2007年《条例》第二十一条第（四）项'),
  // The 2007 条例 has no article for this (信访/投诉, 出版物 …); practice is believed to follow 国办发〔2010〕5号 — [UNCONFIRMED].
  o2007('other_channel', '告知通过其他途径办理', '2007年《条例》无专门条款（实务做法）'),
];

/**
 * A 2007-regime case closed from 2019 on is counted in the new tables (new2019/new2021) under the 2019
 * outcome that corresponds to its 2007 answer — by the ground of the answer, following law-and-formats.md
 * §4.7 ([DERIVED]: the format documents give no transitional mapping). Answers with no counterpart row stay
 * in 其他处理·其他, each saying why.
 */
export const OUTCOME_2007_IN_2019: Readonly<Record<string, { code: string; why: string }>> = {
  already_public: { code: 'granted', why: '已主动公开并告知获取途径，新表计入（一）予以公开（§4.7，常见做法）' },
  agreed: { code: 'granted', why: '同意公开 = 予以公开' },
  partial: { code: 'partly_granted', why: '2007年第二十二条区分处理 = 2019年第三十七条' },
  'refused.state_secret': { code: 'withheld.state_secret', why: '国家秘密' },
  'refused.commercial_secret': { code: 'withheld.third_party', why: '商业秘密属第三方合法权益（2019年第十五条）' },
  'refused.privacy': { code: 'withheld.third_party', why: '个人隐私属第三方合法权益（2019年第十五条）' },
  'refused.security_stability': { code: 'withheld.security_stability', why: '危及“三安全一稳定”' },
  'refused.other_law': { code: 'withheld.law_prohibited', why: '其他法律行政法规禁止公开' },
  'refused.not_gov_info': { code: 'other.other', why: '“不是政府信息”在新表中无对应行' },
  not_this_agency: { code: 'unavailable.not_held', why: '非本机关负责公开，新表计入（四）1（§4.7）' },
  not_exist: { code: 'unavailable.not_held', why: '信息不存在，新表计入（四）1（§4.7）' },
  correction: { code: 'other.other', why: '2007年无“视为放弃”规定，告知更改补充后结案在新表中无对应行' },
  other_channel: { code: 'other.other', why: '告知通过其他途径办理，包括信访、出版物等多种情形，无法确定唯一行' },
};

const byKey = new Map(OUTCOMES.map((o) => [`${o.regime}:${o.code}`, o]));

export function outcome(code: string, regime: RegimeId): Outcome {
  const found = byKey.get(`${regime}:${code}`);
  if (!found) throw new AppError('bad_input', `未知的办理结果：${code}（${regime}年条例）`);
  return found;
}

export const outcomesOf = (regime: RegimeId) => OUTCOMES.filter((o) => o.regime === regime);
