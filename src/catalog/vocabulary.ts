/**
 * The words of the catalog (政府信息公开目录) as data: 公开方式, 文件类型 (组配分类), 体裁, 主题分类, 有效性,
 * publication channels, and the review chain's default steps.
 */

/** 公开方式 (《条例》第十九条, 第二十七条, 第十四—十六条). */
export const disclosureModes = ['active', 'on_request', 'withheld'] as const;
export type DisclosureMode = (typeof disclosureModes)[number];
export const DISCLOSURE_NAMES: Record<DisclosureMode, string> = {
  active: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** 文件类型: 规章 and 行政规范性文件 carry their validity; 政策解读 points at the policy it explains. */
export const docTypes = ['rule', 'normative', 'interpretation', 'other'] as const;
export type DocType = (typeof docTypes)[number];
export const DOC_TYPE_NAMES: Record<DocType, string> = {
  rule: '规章',
  normative: '行政规范性文件',
  interpretation: '政策解读',
  other: '其他文件',
};

/** 体裁 (《党政机关公文处理工作条例》第八条 公文种类, plus 信息 for non-documents). */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '办法',
  '规定',
  '细则',
  '解读',
  '信息',
  '其他',
] as const;

/** 主题分类 (after the 国务院 公文主题分类 used by gov.cn). */
export const THEMES = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

/** 有效性 of 规章 and 行政规范性文件. 修订: amended and still in force as amended. */
export const validities = ['valid', 'amended', 'repealed'] as const;
export type Validity = (typeof validities)[number];
export const VALIDITY_NAMES: Record<Validity, string> = { valid: '有效', amended: '修订', repealed: '废止' };

/** Where an item went (old2008 proactive.* rows). */
export const channels = ['website', 'weibo', 'wechat', 'gazette', 'other'] as const;
export type PublicationChannel = (typeof channels)[number];
export const CHANNEL_NAMES: Record<PublicationChannel, string> = {
  website: '政府网站',
  weibo: '政务微博',
  wechat: '政务微信',
  gazette: '政府公报',
  other: '其他方式',
};

/** Lifecycle of an item. */
export const itemStates = ['draft', 'in_review', 'returned', 'published', 'filed', 'withdrawn'] as const;
export type ItemState = (typeof itemStates)[number];
export const STATE_NAMES: Record<ItemState, string> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  published: '已发布',
  filed: '已归档（不主动公开）',
  withdrawn: '已撤回',
};

/** The default review chain before release: 初审 → 审核 → 审发. */
export const DEFAULT_REVIEW_CHAIN: readonly string[] = ['初审', '审核', '审发'];
