/**
 * The rule catalog (勾稽关系) as data: every rule id of the contract (shared/spec/annual-report.md), what it
 * says, where it applies. The arithmetic relations are DERIVED from the tables' structure
 * (law-and-formats.md §2.5, §3); none is stated in an official text beyond the form's own note on the
 * application table (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和).
 */
import type { Severity, TemplateId } from '../model.ts';
import {
  APPLICANT_COLUMN_KEYS,
  APPLY_COLUMNS,
  APPLY_OTHER_SUB_ROW_KEYS,
  APPLY_RESULT_ROW_KEYS,
  APPLY_ROW_KEYS,
  applyKey,
} from '../templates/index.ts';

interface RuleBase {
  id: string;
  severity: Severity;
  templates: TemplateId[];
  /** What must hold, in Chinese. */
  description: string;
}

/**
 * total = Σ parts. Evaluated only against a printed total; a part whose cell is blank (or not printed) counts
 * as the sum of its own parts (see DERIVATIONS).
 */
export interface SumRule extends RuleBase {
  kind: 'sum';
  total: string;
  parts: string[];
}

/**
 * Σ left = Σ right. Every operand is a cell or, when the cell is blank, the sum of its parts (DERIVATIONS),
 * so a blank total is compared on its parts against the printed total on the other side.
 */
export interface EqualRule extends RuleBase {
  kind: 'equal';
  left: string[];
  right: string[];
}

/** Each of `each` ≤ `max`. */
export interface AtMostRule extends RuleBase {
  kind: 'at_most';
  pairs: [small: string, large: string][];
}

/** each channel ≤ total ≤ Σ channels (old.proactive.channel_bounds). */
export interface BoundsRule extends RuleBase {
  kind: 'channel_bounds';
  total: string;
  channels: string[];
}

/** Needs the same body's previous report. */
export interface CrossRule extends RuleBase {
  kind: 'cross_carry' | 'cross_in_force';
}

/** Needs the figures stated in the narrative. */
export interface TextRule extends RuleBase {
  kind: 'text_mismatch';
}

export interface NonNegativeRule extends RuleBase {
  kind: 'non_negative';
  keys: string[];
}

export type RuleDef = SumRule | EqualRule | AtMostRule | BoundsRule | CrossRule | TextRule | NonNegativeRule;

const OLD: TemplateId[] = ['old2008'];
const NEW: TemplateId[] = ['new2019', 'new2021'];

const ANSWER_TYPES = [
  'already_public',
  'agreed',
  'partial',
  'refused',
  'not_this_agency',
  'not_exist',
  'correction',
  'other_channel',
].map((k) => `apply.answered.${k}`);

const REFUSAL_REASONS = [
  'state_secret',
  'commercial_secret',
  'privacy',
  'security_stability',
  'not_gov_info',
  'other_law',
].map((k) => `apply.answered.refused.${k}`);

const oldRules: RuleDef[] = [
  {
    id: 'old.apply.received_sum',
    kind: 'sum',
    severity: 'error',
    templates: OLD,
    description: '收到申请数 = 当面 + 传真 + 网络 + 信函申请数',
    total: 'apply.received',
    parts: ['in_person', 'fax', 'online', 'letter'].map((k) => `apply.received.${k}`),
  },
  {
    id: 'old.apply.completed_sum',
    kind: 'sum',
    severity: 'error',
    templates: OLD,
    description: '申请办结数 = 按时办结数 + 延期办结数',
    total: 'apply.completed',
    parts: ['apply.completed.on_time', 'apply.completed.extended'],
  },
  {
    id: 'old.apply.answered_sum',
    kind: 'sum',
    severity: 'error',
    templates: OLD,
    description: '申请答复数 = 八类答复数之和',
    total: 'apply.answered',
    parts: ANSWER_TYPES,
  },
  {
    id: 'old.apply.refused_sum',
    kind: 'sum',
    severity: 'error',
    templates: OLD,
    description: '不同意公开答复数 = 六项理由之和',
    total: 'apply.answered.refused',
    parts: REFUSAL_REASONS,
  },
  {
    id: 'old.apply.answered_vs_completed',
    kind: 'equal',
    severity: 'error',
    templates: OLD,
    description: '申请答复数 = 申请办结数（空白时以各分项之和代替）',
    left: ['apply.answered'],
    right: ['apply.completed'],
  },
  ...(
    [
      ['old.review_sum', 'review.total', 'review', '行政复议数量'],
      ['old.litigation_sum', 'litigation.total', 'litigation', '行政诉讼数量'],
      ['old.complaints_sum', 'complaints', 'complaints', '举报投诉数量'],
    ] as const
  ).map(
    ([id, total, prefix, label]): SumRule => ({
      id,
      kind: 'sum',
      severity: 'error',
      templates: OLD,
      description: `${label} = 维持 + 纠错 + 其他情形`,
      total,
      parts: ['upheld', 'corrected', 'other'].map((k) => `${prefix}.${k}`),
    }),
  ),
  {
    id: 'old.org.staff_sum',
    kind: 'sum',
    severity: 'error',
    templates: OLD,
    description: '从事政府信息公开工作人员数 = 专职 + 兼职',
    total: 'org.staff',
    parts: ['org.staff.full_time', 'org.staff.part_time'],
  },
  {
    id: 'old.proactive.channel_bounds',
    kind: 'channel_bounds',
    severity: 'warning',
    templates: OLD,
    description: '各渠道公开数 ≤ 主动公开政府信息数 ≤ 各渠道之和（同一信息多渠道公开计1条）',
    total: 'proactive.total',
    channels: ['gazette', 'website', 'weibo', 'wechat', 'other_channels'].map((k) => `proactive.${k}`),
  },
  {
    id: 'old.proactive.normative_bounds',
    kind: 'at_most',
    severity: 'warning',
    templates: OLD,
    description: '主动公开规范性文件数 ≤ 制发规范性文件总数，且 ≤ 主动公开政府信息数',
    pairs: [
      ['proactive.normative_docs', 'proactive.normative_docs_issued'],
      ['proactive.normative_docs', 'proactive.total'],
    ],
  },
  {
    id: 'old.response.by_head_bounds',
    kind: 'at_most',
    severity: 'warning',
    templates: OLD,
    description: '主要负责同志参加次数 ≤ 相应总次数',
    pairs: [
      ['response.press_conferences_by_head', 'response.press_conferences'],
      ['response.online_interviews_by_head', 'response.online_interviews'],
    ],
  },
];

const newRules: RuleDef[] = [
  ...APPLY_COLUMNS.map(
    (col): EqualRule => ({
      id: `new.apply.balance.${col.key}`,
      kind: 'equal',
      severity: 'error',
      templates: NEW,
      description: `（${col.label}）本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理`,
      left: [applyKey('received', col.key), applyKey('carried_in', col.key)],
      right: [applyKey('total', col.key), applyKey('carried_over', col.key)],
    }),
  ),
  ...APPLY_COLUMNS.map(
    (col): SumRule => ({
      id: `new.apply.results_sum.${col.key}`,
      kind: 'sum',
      severity: 'error',
      templates: NEW,
      description: `（${col.label}）办理结果总计 = 予以公开 + 部分公开 + 不予公开 + 无法提供 + 不予处理 + 其他处理`,
      total: applyKey('total', col.key),
      // （六）其他处理 printed as three rows: `apply.other.<col>` is absent and counts as their sum.
      parts: APPLY_RESULT_ROW_KEYS.map((row) => applyKey(row, col.key)),
    }),
  ),
  ...APPLY_ROW_KEYS.map(
    (row): SumRule => ({
      id: `new.apply.columns_sum.${row}`,
      kind: 'sum',
      severity: 'error',
      templates: NEW,
      description: '总计列 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
      total: applyKey(row, 'total'),
      parts: APPLICANT_COLUMN_KEYS.map((col) => applyKey(row, col)),
    }),
  ),
  ...(
    [
      ['new.review_sum', 'review', '行政复议'],
      ['new.litigation.direct_sum', 'litigation.direct', '未经复议直接起诉'],
      ['new.litigation.after_review_sum', 'litigation.after_review', '复议后起诉'],
    ] as const
  ).map(
    ([id, prefix, label]): SumRule => ({
      id,
      kind: 'sum',
      severity: 'error',
      templates: NEW,
      description: `${label}总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
      total: `${prefix}.total`,
      parts: ['upheld', 'corrected', 'other', 'pending'].map((k) => `${prefix}.${k}`),
    }),
  ),
  {
    id: 'new.s20_1.in_force_bounds',
    kind: 'at_most',
    severity: 'warning',
    templates: ['new2019'],
    description: '对外公开总数量 ≥ 本年新公开数量',
    pairs: [
      ['s20_1.rules.published', 's20_1.rules.total'],
      ['s20_1.normative.published', 's20_1.normative.total'],
    ],
  },
  {
    id: 'new.s20_1.in_force_bounds',
    kind: 'non_negative',
    severity: 'warning',
    templates: ['new2021'],
    description: '现行有效件数 ≥ 0',
    keys: ['s20_1.rules.in_force', 's20_1.normative.in_force'],
  },
  {
    id: 'cross.apply.carry',
    kind: 'cross_carry',
    severity: 'warning',
    templates: NEW,
    description: '本年“上年结转”= 上一年度报告的“结转下年度继续办理”（同一机关）',
  },
  {
    id: 'cross.s20_1.in_force',
    kind: 'cross_in_force',
    severity: 'warning',
    templates: ['new2021'],
    description: '本年现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止',
  },
];

const textRules: RuleDef[] = [
  {
    id: 'text.table_mismatch',
    kind: 'text_mismatch',
    severity: 'warning',
    templates: ['old2008', 'new2019', 'new2021'],
    description: '正文所述数字与统计表一致',
  },
];

export const RULES: RuleDef[] = [...oldRules, ...newRules, ...textRules];

/** Every rule id of the catalog (an id may have one definition per template). */
export const RULE_IDS: string[] = [...new Set(RULES.map((r) => r.id))];

/**
 * Counts whose sign a rule checks (new.s20_1.in_force_bounds): a negative one is a finding of the check, not
 * bad input, so the parser and the JSON Schema let it through.
 */
export const SIGN_CHECKED_KEYS: ReadonlySet<string> = new Set(
  RULES.flatMap((r) => (r.kind === 'non_negative' ? r.keys : [])),
);

/** The rules of one template, in catalog order. */
export function rulesOf(template: TemplateId): RuleDef[] {
  return RULES.filter((r) => r.templates.includes(template));
}

/** Severity and description of a rule id (for a template, when the id has one definition per template). */
export function ruleInfo(id: string, template?: TemplateId): RuleDef | undefined {
  return RULES.find((r) => r.id === id && (!template || r.templates.includes(template)));
}

/** How a total that has no printed number is replaced by the sum of its parts. */
export interface Derivation {
  /** The part lists, tried in order; the first with a number wins. */
  ways: string[][];
  /**
   * Also when the row is not printed at all (not only when its cell is blank): the new2021 （六）其他处理
   * printed as three sub-rows has no one-row cell.
   */
  whenAbsent: boolean;
}

/**
 * How a blank total is replaced by the sum of its parts: every sum rule's total → its parts, and for new2021
 * the one-row （六）其他处理 → its three sub-rows (also when the one row is not printed). A key may have more than
 * one way (the grand total `apply.total.total`: by rows or by columns).
 */
export function derivationsOf(template: TemplateId): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  const add = (total: string, parts: string[], whenAbsent: boolean) => {
    const d = out.get(total) ?? { ways: [], whenAbsent: false };
    d.ways.push(parts);
    d.whenAbsent ||= whenAbsent;
    out.set(total, d);
  };
  if (template === 'new2021') {
    for (const col of APPLY_COLUMNS) {
      add(
        applyKey('other', col.key),
        APPLY_OTHER_SUB_ROW_KEYS.map((row) => applyKey(row, col.key)),
        true,
      );
    }
  }
  for (const rule of rulesOf(template)) if (rule.kind === 'sum') add(rule.total, rule.parts, false);
  return out;
}
