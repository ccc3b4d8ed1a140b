/**
 * Sections 三 and 四 of the new formats (国办公开办函〔2019〕60号 and 〔2021〕30号), shared by new2019 and
 * new2021. They differ only in （六）其他处理: one row in 2019, three sub-rows in 2021 (reports of 2021 and
 * later that still print one row are keyed `apply.other.*`).
 */
import type { ColumnDef, RowDef, TableDef } from '../template.ts';

/** The applicant columns of the application table, in the official order. */
export const APPLY_COLUMNS: ColumnDef[] = [
  { key: 'natural_person', label: '自然人', unit: '件' },
  // The header cells wrap in narrow columns; PDFs print them broken (`商业 企业`, hongze-2023/2024).
  { key: 'commercial', label: '商业企业', aliases: ['商业 企业'], unit: '件' },
  { key: 'research', label: '科研机构', aliases: ['科研 机构'], unit: '件' },
  { key: 'nonprofit', label: '社会公益组织', aliases: ['社会 公益 组织'], unit: '件' },
  { key: 'legal_service', label: '法律服务机构', aliases: ['法律 服务 机构'], unit: '件' },
  { key: 'other_org', label: '其他', unit: '件' },
  { key: 'total', label: '总计', unit: '件' },
];
/** The six applicant columns (everything but 总计). */
export const APPLICANT_COLUMN_KEYS = APPLY_COLUMNS.slice(0, 6).map((c) => c.key);

const RESULTS = '三、本年度办理结果';

export const WITHHELD_ROWS: RowDef[] = [
  ['state_secret', '属于国家秘密'],
  // `其他法律行政止公开`: the typo printed in the hongze-2023 and 2024 reports.
  ['law_prohibited', '其他法律行政法规禁止公开', ['其他法律行政止公开', '其他法律、行政法规禁止公开']],
  ['security_stability', '危及“三安全一稳定”', ['危及"三安全一稳定"', '危及三安全一稳定']],
  ['third_party', '保护第三方合法权益'],
  ['internal_affairs', '属于三类内部事务信息'],
  ['process_info', '属于四类过程性信息'],
  ['enforcement_file', '属于行政执法案卷'],
  ['query_matter', '属于行政查询事项'],
].map(([key, label, aliases], i) => ({
  key: `apply.withheld.${key}`,
  label: label as string,
  aliases: aliases as string[] | undefined,
  name: `不予公开：${label as string}`,
  numbering: `${i + 1}.`,
  unit: '件',
  level: 2,
  groups: [RESULTS, '（三）不予公开'],
}));

export const UNAVAILABLE_ROWS: RowDef[] = [
  ['not_held', '本机关不掌握相关政府信息'],
  ['needs_creation', '没有现成信息需要另行制作'],
  ['still_unclear', '补正后申请内容仍不明确'],
].map(([key, label], i) => ({
  key: `apply.unavailable.${key}`,
  label,
  name: `无法提供：${label}`,
  numbering: `${i + 1}.`,
  unit: '件',
  level: 2,
  groups: [RESULTS, '（四）无法提供'],
}));

export const NOT_PROCESSED_ROWS: RowDef[] = [
  ['petition', '信访举报投诉类申请'],
  ['duplicate', '重复申请'],
  ['publication', '要求提供公开出版物'],
  // Stray spaces as printed in the hongze PDFs (`4.无正当理由大量反复 申请`).
  ['excessive', '无正当理由大量反复申请', ['无正当理由大量反复 申请']],
  ['confirm_reissue', '要求行政机关确认或重新出具已获取信息', ['要求行政机关确认或重 新出具已获取信息']],
].map(([key, label, aliases], i) => ({
  key: `apply.not_processed.${key}`,
  label: label as string,
  aliases: aliases as string[] | undefined,
  name: `不予处理：${label as string}`,
  numbering: `${i + 1}.`,
  unit: '件',
  level: 2,
  groups: [RESULTS, '（五）不予处理'],
}));

export const OTHER_SUB_ROWS: RowDef[] = [
  // Some reports punctuate with `，` instead of `、` (law-and-formats.md §4.3).
  [
    'no_correction',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正'],
    '其他处理：逾期不补正',
  ],
  [
    'fee_unpaid',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用'],
    '其他处理：逾期未缴费',
  ],
  ['other', '其他', undefined, '其他处理：其他'],
].map(([key, label, aliases, name], i) => ({
  key: `apply.other.${key as string}`,
  label: label as string,
  aliases: aliases as string[] | undefined,
  name: name as string,
  numbering: `${i + 1}.`,
  unit: '件',
  level: 2,
  groups: [RESULTS, '（六）其他处理'],
}));

/** （六）其他处理 printed as one row: new2019, and new2021 reports that keep the 2019 row (hongze-2023/2024). */
const OTHER_ONE_ROW: RowDef = {
  key: 'apply.other',
  numbering: '（六）',
  label: '其他处理',
  unit: '件',
  level: 1,
  groups: [RESULTS],
};

const rowPart = (rows: RowDef[]) => rows.map((r) => r.key!.slice('apply.'.length));

/**
 * The result rows (三、本年度办理结果 （一）…（六）) as the row part of `apply.<row>.<column>`, with （六）其他处理
 * as one row (`other`); the three new2021 sub-rows are APPLY_OTHER_SUB_ROW_KEYS.
 */
export const APPLY_RESULT_ROW_KEYS: string[] = [
  'granted',
  'partly_granted',
  ...rowPart(WITHHELD_ROWS),
  ...rowPart(UNAVAILABLE_ROWS),
  ...rowPart(NOT_PROCESSED_ROWS),
  'other',
];

/** The three new2021 rows of （六）其他处理: `other.no_correction`, `other.fee_unpaid`, `other.other`. */
export const APPLY_OTHER_SUB_ROW_KEYS: string[] = rowPart(OTHER_SUB_ROWS);

/** Every row of the application table (row part of the key), in printed order, new2021 sub-rows included. */
export const APPLY_ROW_KEYS: string[] = [
  'received',
  'carried_in',
  ...APPLY_RESULT_ROW_KEYS,
  ...APPLY_OTHER_SUB_ROW_KEYS,
  'total',
  'carried_over',
];

/** The canonical key of an application-table cell: `apply.<row>.<column>`. */
export const applyKey = (row: string, column: string) => `apply.${row}.${column}`;

function applyRows(otherRows: RowDef[]): RowDef[] {
  return [
    {
      key: 'apply.received',
      numbering: '一、',
      label: '本年新收政府信息公开申请数量',
      unit: '件',
      level: 0,
    },
    { key: 'apply.carried_in', numbering: '二、', label: '上年结转政府信息公开申请数量', unit: '件', level: 0 },
    { key: 'apply.granted', numbering: '（一）', label: '予以公开', unit: '件', level: 1, groups: [RESULTS] },
    {
      key: 'apply.partly_granted',
      numbering: '（二）',
      label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
      aliases: ['部分公开', '部分公开（区分处理的，只计这一情 形，不计其他情形）'],
      name: '部分公开',
      unit: '件',
      level: 1,
      groups: [RESULTS],
    },
    ...WITHHELD_ROWS,
    ...UNAVAILABLE_ROWS,
    ...NOT_PROCESSED_ROWS,
    ...otherRows,
    {
      key: 'apply.total',
      numbering: '（七）',
      label: '总计',
      name: '办理结果总计',
      unit: '件',
      level: 1,
      groups: [RESULTS],
    },
    { key: 'apply.carried_over', numbering: '四、', label: '结转下年度继续办理', unit: '件', level: 0 },
  ];
}

export function applyTable(edition: 'new2019' | 'new2021'): TableDef {
  return {
    id: 'apply',
    kind: 'matrix',
    section: '三、收到和处理政府信息公开申请情况',
    header: [
      [
        {
          text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
          rowspan: 3,
          colspan: 3,
        },
        { text: '申请人情况', colspan: 7 },
      ],
      [
        { text: '自然人', rowspan: 2 },
        { text: '法人或其他组织', colspan: 5 },
        { text: '总计', rowspan: 2 },
      ],
      [
        { text: '商业企业' },
        { text: '科研机构' },
        { text: '社会公益组织' },
        { text: '法律服务机构' },
        { text: '其他' },
      ],
    ],
    rows:
      edition === 'new2019'
        ? applyRows([OTHER_ONE_ROW])
        : applyRows([{ ...OTHER_ONE_ROW, optional: true }, ...OTHER_SUB_ROWS]),
    columns: APPLY_COLUMNS,
    labelColumns: 3,
  };
}

const OUTCOME_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

/** The three groups of section 四: 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉. */
export const REVIEW_GROUPS = [
  { prefix: 'review', label: '行政复议' },
  { prefix: 'litigation.direct', label: '行政诉讼（未经复议直接起诉）' },
  { prefix: 'litigation.after_review', label: '行政诉讼（复议后起诉）' },
] as const;

/** The outcome columns of each group: upheld, corrected, other, pending, total. */
export const REVIEW_OUTCOME_KEYS: string[] = OUTCOME_COLUMNS.map(([k]) => k);

/** Section 四's fifteen keys, in the official column order (`review.upheld` … `litigation.after_review.total`). */
export const REVIEW_LITIGATION_KEYS: string[] = REVIEW_GROUPS.flatMap(({ prefix }) =>
  OUTCOME_COLUMNS.map(([k]) => `${prefix}.${k}`),
);
/** Another name for REVIEW_LITIGATION_KEYS. */
export const SECTION_FOUR_KEYS = REVIEW_LITIGATION_KEYS;

export function reviewTable(): TableDef {
  const outcomeCells = OUTCOME_COLUMNS.map(([, label]) => ({ text: label }));
  return {
    id: 'review',
    kind: 'wide',
    section: '四、政府信息公开行政复议、行政诉讼情况',
    header: [
      [
        { text: '行政复议', colspan: 5 },
        { text: '行政诉讼', colspan: 10 },
      ],
      [
        ...OUTCOME_COLUMNS.map(([, label]) => ({ text: label, rowspan: 2 })),
        { text: '未经复议直接起诉', colspan: 5 },
        { text: '复议后起诉', colspan: 5 },
      ],
      [...outcomeCells, ...outcomeCells],
    ],
    rows: [{ label: '行政复议、行政诉讼', level: 0 }],
    columns: REVIEW_LITIGATION_KEYS.map((key, i) => ({ key, label: OUTCOME_COLUMNS[i % 5][1], unit: '件' })),
  };
}

export const NEW_SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
