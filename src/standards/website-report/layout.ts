/**
 * 《政府网站工作年度报表》 as data: its rows in the official order, each with its label, unit and kind
 * (number, yes/no, text), and whether the platform computes it or a person enters it (with the source
 * system a person usually copies it from).
 *
 * Source. 《国务院办公厅关于做好政府网站年度报表发布工作的通知》(国办函〔2018〕12号) and 《政府网站发展指引》
 * (国办发〔2017〕47号). CONFIRMED from the notice's text (search, pages corpus: ceirp.cn and a 辽宁 city's 2024
 * notice quoting it): the report's eight areas — 信息发布, 专栏专题, 解读回应, 办事服务, 互动交流, 安全防护,
 * 移动新媒体, 创新发展 — and the due date (1月31日, 本网站首页显著位置). NOT CONFIRMED from a copy of the
 * 附件 table itself: the row labels, units and their order below follow the table as published by county sites
 * and as listed in the brief of issue #17; the rows marked `unconfirmed: true` (办件量's split, 征集调查/在线访谈's
 * rows, 移动新媒体's rows, 创新发展's options) are from memory of published reports and must be checked against
 * the 附件 before relying on them. WEBSITE_LAYOUT_SOURCES records the second search (2026-12) that again found
 * no copy of the table, so no row was confirmed or reworded by it.
 */

export type WebsiteRowKind = 'number' | 'yesno' | 'text';

export interface WebsiteRow {
  /** Canonical key, stable in the database (entered figures are stored by it). */
  key: string;
  /** The section (栏目) of the table the row belongs to, as printed in its first column. */
  section: string;
  /** The label as printed; for a sub-row, without its parent's words. */
  label: string;
  /** 计量单位 as printed (单位：条, 个, 次…); none for text and yes/no rows. */
  unit?: string;
  kind: WebsiteRowKind;
  /** Indent level under the section (0: the section's own row). */
  indent: number;
  /** The platform computes it from its records (src/standards/website-report/compute.ts). */
  computed?: boolean;
  /** Must be answered before the report is complete (a yes/no left blank is a finding). */
  required?: boolean;
  /** Where a person usually takes an entered figure from (the form's default 数据来源). */
  defaultSource?: string;
  /** Decimals allowed (平均办理时间); otherwise a count: a whole number ≥ 0. */
  decimal?: boolean;
  /** Row label not confirmed against the 附件 (see the file's comment). */
  unconfirmed?: boolean;
}

/** A heading row of the table: printed, carries no value. */
export interface WebsiteHeading {
  heading: true;
  section: string;
  label: string;
  unit?: string;
  indent: number;
}

export type WebsiteLine = WebsiteRow | WebsiteHeading;

export const isHeading = (l: WebsiteLine): l is WebsiteHeading => 'heading' in l;

const STATS = '网站访问统计系统';
const SERVICE = '政务服务平台';
const INTERACT = '互动交流平台（留言、征集、访谈）';
const SECURITY = '网站安全检测评估报告';
const MEDIA = '政务新媒体管理台账';
const UNIT = '本单位填报';

export const WEBSITE_REPORT_TITLE = '政府网站工作年度报表';

/**
 * What confirms the layout and what does not, for the page and for whoever checks it next. `searched` lists the
 * searches of 2026-12 for the 附件 table (the 2018 form of 国办函〔2018〕12号 and any later form 国办 published):
 * none returned the table or a published report reproducing its rows, only the notice's text.
 */
export const WEBSITE_LAYOUT_SOURCES = {
  notice: '《国务院办公厅关于做好政府网站年度报表发布工作的通知》（国办函〔2018〕12号）',
  noticeRead: ['https://ceirp.cn/xwzx/gggs/2018-01-25/3374.html'],
  /** Sections whose existence the notice's text confirms (一、对象和内容). */
  confirmedSections: ['信息发布', '专栏专题', '解读回应', '办事服务', '互动交流', '安全防护', '移动新媒体', '创新发展'],
  /** Sections holding rows marked `unconfirmed`: their rows' wording was not found in any source. */
  unconfirmedSections: ['办事服务', '互动交流', '移动新媒体', '创新发展'],
  searched: [
    'pages: 政府网站工作年度报表 征集调查期数 收到意见数量 公布调查结果期数 在线访谈 访谈期数',
    'pages: 政府网站工作年度报表 办件量 自然人办件量 法人办件量 注册用户数 可全程在线办理政务服务事项数量',
    'pages: 政府网站工作年度报表 移动新媒体 微博 信息发布量 关注量 微信 订阅数 创新发展 搜索即服务 多语言版本',
    'pages: 政府网站工作年度报表 网站名称 首页网址 主办单位 网站类型 政府网站标识码 ICP备案编号 独立用户访问总量',
    'pages: 2019年度政府网站工作年度报表 解读产品数量 媒体评论数量 回应公众关注热点或重大舆情数量 办件量',
    'docs: 政府网站工作年度报表 填报说明 独立用户访问总量 网站总访问量 概况类信息 政务动态信息 信息公开目录信息 专栏专题',
    'code: 政府网站工作年度报表 征集调查期数 在线访谈期数 微博信息发布量 微信订阅数',
    'code (exact string): 征集调查期数, 自然人办件量 — no hits',
  ],
} as const;

/** The table, row by row, as printed. */
export const WEBSITE_LAYOUT: WebsiteLine[] = [
  {
    key: 'site.name',
    section: '网站名称',
    label: '网站名称',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'site.url',
    section: '首页网址',
    label: '首页网址',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  { key: 'site.sponsor', section: '主办单位', label: '主办单位', kind: 'text', indent: 0, computed: true },
  {
    key: 'site.type',
    section: '网站类型',
    label: '网站类型',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'site.code',
    section: '政府网站标识码',
    label: '政府网站标识码',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: '全国政府网站基本数据库',
  },
  {
    key: 'site.icp',
    section: 'ICP备案编号',
    label: 'ICP备案编号',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: 'ICP备案系统',
  },
  {
    key: 'site.police',
    section: '公安机关备案号',
    label: '公安机关备案号',
    kind: 'text',
    indent: 0,
    defaultSource: '公安机关备案系统',
  },
  {
    key: 'visits.unique',
    section: '独立用户访问总量',
    label: '独立用户访问总量',
    unit: '个',
    kind: 'number',
    indent: 0,
    defaultSource: STATS,
  },
  {
    key: 'visits.total',
    section: '网站总访问量',
    label: '网站总访问量',
    unit: '次',
    kind: 'number',
    indent: 0,
    defaultSource: STATS,
  },

  { heading: true, section: '信息发布', label: '信息发布', unit: '条', indent: 0 },
  { key: 'publish.total', section: '信息发布', label: '总数', unit: '条', kind: 'number', indent: 1, computed: true },
  {
    key: 'publish.overview',
    section: '信息发布',
    label: '概况类信息发布数量',
    unit: '条',
    kind: 'number',
    indent: 1,
    computed: true,
  },
  {
    key: 'publish.news',
    section: '信息发布',
    label: '政务动态信息发布数量',
    unit: '条',
    kind: 'number',
    indent: 1,
    computed: true,
  },
  {
    key: 'publish.directory',
    section: '信息发布',
    label: '信息公开目录信息发布数量',
    unit: '条',
    kind: 'number',
    indent: 1,
    computed: true,
  },

  { heading: true, section: '专栏专题', label: '专栏专题', unit: '个', indent: 0 },
  {
    key: 'topics.maintained',
    section: '专栏专题',
    label: '维护数量',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: UNIT,
  },
  {
    key: 'topics.opened',
    section: '专栏专题',
    label: '新开设数量',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: UNIT,
  },

  { heading: true, section: '解读回应', label: '解读信息发布', unit: '条', indent: 0 },
  { key: 'interpret.total', section: '解读回应', label: '总数', unit: '条', kind: 'number', indent: 1, computed: true },
  {
    key: 'interpret.materials',
    section: '解读回应',
    label: '其中：解读材料数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    computed: true,
  },
  {
    key: 'interpret.products',
    section: '解读回应',
    label: '解读产品数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: UNIT,
  },
  {
    key: 'interpret.media',
    section: '解读回应',
    label: '媒体评论数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: UNIT,
  },
  {
    key: 'interpret.responses',
    section: '解读回应',
    label: '回应公众关注热点或重大舆情数量',
    unit: '次',
    kind: 'number',
    indent: 0,
    defaultSource: UNIT,
  },

  { heading: true, section: '办事服务', label: '办事服务', indent: 0 },
  {
    key: 'service.catalog',
    section: '办事服务',
    label: '是否发布服务事项目录',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: SERVICE,
  },
  {
    key: 'service.users',
    section: '办事服务',
    label: '注册用户数',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: SERVICE,
  },
  {
    key: 'service.items',
    section: '办事服务',
    label: '政务服务事项数量',
    unit: '项',
    kind: 'number',
    indent: 1,
    defaultSource: SERVICE,
  },
  {
    key: 'service.online',
    section: '办事服务',
    label: '可全程在线办理政务服务事项数量',
    unit: '项',
    kind: 'number',
    indent: 1,
    defaultSource: SERVICE,
  },
  { heading: true, section: '办事服务', label: '办件量', unit: '件', indent: 1 },
  {
    key: 'service.cases.total',
    section: '办事服务',
    label: '总数',
    unit: '件',
    kind: 'number',
    indent: 2,
    defaultSource: SERVICE,
  },
  {
    key: 'service.cases.person',
    section: '办事服务',
    label: '自然人办件量',
    unit: '件',
    kind: 'number',
    indent: 2,
    defaultSource: SERVICE,
    unconfirmed: true,
  },
  {
    key: 'service.cases.legal',
    section: '办事服务',
    label: '法人办件量',
    unit: '件',
    kind: 'number',
    indent: 2,
    defaultSource: SERVICE,
    unconfirmed: true,
  },

  { heading: true, section: '互动交流', label: '互动交流', indent: 0 },
  {
    key: 'interact.unified',
    section: '互动交流',
    label: '是否使用统一平台',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: INTERACT,
  },
  { heading: true, section: '互动交流', label: '留言办理', indent: 1 },
  {
    key: 'messages.received',
    section: '互动交流',
    label: '收到留言数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
  },
  {
    key: 'messages.closed',
    section: '互动交流',
    label: '办结留言数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
  },
  {
    key: 'messages.avgDays',
    section: '互动交流',
    label: '平均办理时间',
    unit: '天',
    kind: 'number',
    indent: 2,
    decimal: true,
    defaultSource: INTERACT,
  },
  {
    key: 'messages.published',
    section: '互动交流',
    label: '公开答复数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
  },
  { heading: true, section: '互动交流', label: '征集调查', indent: 1 },
  {
    key: 'surveys.count',
    section: '互动交流',
    label: '征集调查期数',
    unit: '期',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  {
    key: 'surveys.opinions',
    section: '互动交流',
    label: '收到意见数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  {
    key: 'surveys.results',
    section: '互动交流',
    label: '公布调查结果期数',
    unit: '期',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  { heading: true, section: '互动交流', label: '在线访谈', indent: 1 },
  {
    key: 'interviews.count',
    section: '互动交流',
    label: '访谈期数',
    unit: '期',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  {
    key: 'interviews.questions',
    section: '互动交流',
    label: '网民留言数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  {
    key: 'interviews.answers',
    section: '互动交流',
    label: '答复网民提问数量',
    unit: '条',
    kind: 'number',
    indent: 2,
    defaultSource: INTERACT,
    unconfirmed: true,
  },
  {
    key: 'interact.qa',
    section: '互动交流',
    label: '是否提供智能问答',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: INTERACT,
  },

  { heading: true, section: '安全防护', label: '安全防护', indent: 0 },
  {
    key: 'security.checks',
    section: '安全防护',
    label: '安全检测评估次数',
    unit: '次',
    kind: 'number',
    indent: 1,
    defaultSource: SECURITY,
  },
  {
    key: 'security.found',
    section: '安全防护',
    label: '发现问题数量',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: SECURITY,
  },
  {
    key: 'security.fixed',
    section: '安全防护',
    label: '问题整改数量',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: SECURITY,
  },
  {
    key: 'security.monitoring',
    section: '安全防护',
    label: '是否建立安全监测预警机制',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: SECURITY,
  },
  {
    key: 'security.drills',
    section: '安全防护',
    label: '是否开展应急演练',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: SECURITY,
  },
  {
    key: 'security.owner',
    section: '安全防护',
    label: '是否明确网站安全责任人',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: SECURITY,
  },

  { heading: true, section: '移动新媒体', label: '移动新媒体', indent: 0 },
  {
    key: 'media.has',
    section: '移动新媒体',
    label: '是否有移动新媒体',
    kind: 'yesno',
    indent: 1,
    required: true,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.weibo.name',
    section: '移动新媒体',
    label: '微博名称',
    kind: 'text',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.weibo.posts',
    section: '移动新媒体',
    label: '微博信息发布量',
    unit: '条',
    kind: 'number',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.weibo.followers',
    section: '移动新媒体',
    label: '微博关注量',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.wechat.name',
    section: '移动新媒体',
    label: '微信名称',
    kind: 'text',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.wechat.posts',
    section: '移动新媒体',
    label: '微信信息发布量',
    unit: '条',
    kind: 'number',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.wechat.subscribers',
    section: '移动新媒体',
    label: '微信订阅数',
    unit: '个',
    kind: 'number',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },
  {
    key: 'media.other',
    section: '移动新媒体',
    label: '其他',
    kind: 'text',
    indent: 1,
    defaultSource: MEDIA,
    unconfirmed: true,
  },

  {
    key: 'innovation',
    section: '创新发展',
    label: '创新发展（搜索即服务、多语言版本、无障碍浏览、千人千网、其他）',
    kind: 'text',
    indent: 0,
    defaultSource: UNIT,
    unconfirmed: true,
  },
  {
    key: 'staff.count',
    section: '机构人员',
    label: '机构人员',
    unit: '人',
    kind: 'number',
    indent: 0,
    defaultSource: UNIT,
  },

  {
    key: 'sign.head',
    section: '单位负责人',
    label: '单位负责人',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'sign.reviewer',
    section: '审核人',
    label: '审核人',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'sign.filler',
    section: '填报人',
    label: '填报人',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'sign.phone',
    section: '联系电话',
    label: '联系电话',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
  {
    key: 'sign.date',
    section: '填报日期',
    label: '填报日期',
    kind: 'text',
    indent: 0,
    required: true,
    defaultSource: UNIT,
  },
];

/** The rows that carry a value. */
export const WEBSITE_ROWS: WebsiteRow[] = WEBSITE_LAYOUT.filter((l): l is WebsiteRow => !isHeading(l));

export const WEBSITE_ROW = new Map(WEBSITE_ROWS.map((r) => [r.key, r]));

/** The rows a person enters (not computed by the platform). */
export const ENTERED_ROWS = WEBSITE_ROWS.filter((r) => !r.computed);

/** 网站类型 as the national 基本数据库 names them. */
export const SITE_TYPES = ['政府门户网站', '部门网站', '专项网站'] as const;
