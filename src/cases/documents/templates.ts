/**
 * The built-in text of the notices and replies of a case, as data: a title and a body with {{占位符}} that
 * `fillTemplate` replaces from the case. An agency may save its own wording (case_document_templates);
 * the articles cited are those of the 2019 《条例》 (2007 cases: see the reply's {{法律依据}}).
 */

export const documentKinds = [
  'receipt',
  'correction',
  'extension',
  'consultation',
  'fee',
  'reply.granted',
  'reply.partly_granted',
  'reply.withheld',
  'reply.unavailable',
  'reply.not_processed',
  'reply.other',
  'assist',
  'delivery_receipt',
  'reasons',
  'disclosure_notice',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Every placeholder a template may use (filled by src/cases/documents/render.ts). */
export const PLACEHOLDERS = [
  '申请人',
  '机关',
  '日期',
  '收到日期',
  '渠道',
  '查询码',
  '申请内容',
  '形式',
  '答复期限',
  '补正期限',
  '补正内容',
  '延期理由',
  '延长天数',
  '征求对象',
  '意见期限',
  '费用',
  '计费方式',
  '缴费期限',
  '答复结论',
  '法律依据',
  '答复内容',
  '复议机关',
  '管辖法院',
  '协办机关',
  '协办事项',
  '协办期限',
  '送达文书',
  '送达方式',
  '送达日期',
  '邮件号码',
] as const;

export interface DocumentTemplate {
  title: string;
  body: string;
}

const HEAD = '{{申请人}}：\n\n';
const FOOT =
  '\n\n如对本答复不服，可以自收到本答复之日起六十日内向{{复议机关}}申请行政复议，或者自收到本答复之日起六个月内向{{管辖法院}}提起行政诉讼（《条例》第五十一条）。';
// 发文机关署名, where the seal goes (印章), and the date (GB/T 9704-2012 7.3.5).
const SIGN = '\n\n{{机关}}（印章）\n{{日期}}';

export const DEFAULT_TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  receipt: {
    title: '政府信息公开申请受理回执',
    body: `${HEAD}本机关于{{收到日期}}收到您通过{{渠道}}提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n根据《中华人民共和国政府信息公开条例》第三十一条、第三十三条的规定，本机关将在收到申请之日起20个工作日内（即{{答复期限}}前）予以答复；需要延长答复期限的，将另行告知。${SIGN}`,
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您作出补正：{{补正内容}}。\n\n请于{{补正期限}}前补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。${SIGN}`,
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}）。因{{延期理由}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{{延长天数}}个工作日，至{{答复期限}}。${SIGN}`,
  },
  consultation: {
    title: '政府信息公开征求意见书',
    body: `{{征求对象}}：\n\n本机关于{{收到日期}}收到政府信息公开申请，申请内容为：{{申请内容}}。该信息公开可能损害第三方合法权益（或需由其他机关确认），根据《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定，现书面征求您的意见。\n\n请于{{意见期限}}前（自收到本征求意见书之日起15个工作日内）提出意见。逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。征求意见所需时间不计算在答复期限内。${SIGN}`,
  },
  fee: {
    title: '政府信息公开信息处理费缴费通知书',
    body: `${HEAD}您提交的政府信息公开申请（查询码：{{查询码}}）申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关依法收取信息处理费{{费用}}元（{{计费方式}}）。\n\n请于{{缴费期限}}前缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。缴费期间不计算在答复期限内。${SIGN}`,
  },
  'reply.granted': {
    title: '政府信息公开申请答复书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n经审查，答复如下：{{答复结论}}。根据{{法律依据}}的规定，现将您申请的政府信息按{{形式}}形式提供给您。{{答复内容}}${FOOT}${SIGN}`,
  },
  'reply.partly_granted': {
    title: '政府信息公开申请答复书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n经审查，答复如下：{{答复结论}}。您申请的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，根据{{法律依据}}的规定，本机关向您提供可以公开的部分，并对不予公开的内容说明理由：{{答复内容}}${FOOT}${SIGN}`,
  },
  'reply.withheld': {
    title: '政府信息公开申请答复书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n经审查，答复如下：{{答复结论}}。根据{{法律依据}}的规定，本机关决定不予公开。理由：{{答复内容}}${FOOT}${SIGN}`,
  },
  'reply.unavailable': {
    title: '政府信息公开申请答复书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n经审查，答复如下：{{答复结论}}。根据{{法律依据}}的规定，本机关无法提供。{{答复内容}}${FOOT}${SIGN}`,
  },
  'reply.not_processed': {
    title: '政府信息公开申请答复书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n经审查，答复如下：{{答复结论}}。根据{{法律依据}}的规定，本机关不予处理。{{答复内容}}${FOOT}${SIGN}`,
  },
  'reply.other': {
    title: '政府信息公开申请处理情况告知书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。\n\n处理情况：{{答复结论}}（{{法律依据}}）。{{答复内容}}${SIGN}`,
  },
  assist: {
    title: '政府信息公开申请协办函',
    body: `{{协办机关}}：\n\n本机关于{{收到日期}}收到政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。办理该申请需要贵单位协助：{{协办事项}}。\n\n本机关须在《中华人民共和国政府信息公开条例》第三十三条规定的期限内（{{答复期限}}前）答复申请人，请于{{协办期限}}前回复。协办材料仅用于办理本申请。${SIGN}`,
  },
  delivery_receipt: {
    title: '送达回证',
    body: `受送达人：{{申请人}}\n\n送达文书：{{送达文书}}（依据《中华人民共和国政府信息公开条例》第三十六条作出）\n\n送达方式：{{送达方式}}　邮件号码：{{邮件号码}}\n\n送达日期：{{送达日期}}\n\n受送达人签收：________　签收日期：____年__月__日\n\n送达人：________${SIGN}`,
  },
  // 说明理由告知书: the reasons of a 不予公开 / 部分公开 reply set out on their own page (第三十六条第（三）项,
  // 第三十七条), sent with the 答复书 under its 文号.
  reasons: {
    title: '说明理由告知书',
    body: `${HEAD}本机关于{{收到日期}}收到您提交的政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。本机关已作出答复：{{答复结论}}。根据《中华人民共和国政府信息公开条例》第三十六条第（三）项、第三十七条的规定，现将理由说明如下：\n\n{{答复内容}}\n\n依据：{{法律依据}}。${FOOT}${SIGN}`,
  },
  // The third party consulted is told in writing what will be disclosed and why, when the agency discloses
  // over its objection because withholding would gravely harm the public interest (第三十二条).
  disclosure_notice: {
    title: '政府信息公开决定告知书（第三方）',
    body: `{{征求对象}}：\n\n本机关于{{收到日期}}收到政府信息公开申请（查询码：{{查询码}}），申请内容为：{{申请内容}}。该信息涉及贵方权益，本机关已书面征求贵方意见。根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关认为不公开可能对公共利益造成重大影响，决定予以公开，现将决定公开的政府信息内容和理由告知如下：\n\n{{答复内容}}\n\n如对本决定不服，可以自收到本告知书之日起六十日内向{{复议机关}}申请行政复议，或者自收到本告知书之日起六个月内向{{管辖法院}}提起行政诉讼。${SIGN}`,
  },
};

/** The reply template of an outcome code, of either regime. */
export function replyKindOf(outcomeCode: string): DocumentKind {
  const group = outcomeCode.split('.')[0];
  const of2007: Record<string, DocumentKind> = {
    already_public: 'reply.granted',
    agreed: 'reply.granted',
    partial: 'reply.partly_granted',
    refused: 'reply.withheld',
    not_this_agency: 'reply.unavailable',
    not_exist: 'reply.unavailable',
  };
  const kind = of2007[group] ?? `reply.${group}`;
  return (documentKinds as readonly string[]).includes(kind) ? (kind as DocumentKind) : 'reply.other';
}

/** Replaces each {{名称}}; an unknown or empty placeholder becomes a blank line to fill by hand. */
export function fillTemplate(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_m, name: string) => values[name] || '________');
}

/** The placeholders a template uses (for the template editor). */
export const placeholdersOf = (text: string): string[] => [
  ...new Set([...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1])),
];
