/**
 * The report's own checks, pure and named: totals against their parts, a part not above its whole, the
 * required answers given. Each finding names its rule and the cells involved.
 */
import { ENTERED_ROWS, SITE_TYPES, WEBSITE_ROW, WEBSITE_ROWS } from './layout.ts';
import type { WebsiteValue } from './model.ts';

export interface WebsiteFinding {
  rule: string;
  keys: string[];
  message: string;
}

type Values = Record<string, WebsiteValue>;

const num = (v: WebsiteValue | undefined): number | null => (typeof v === 'number' ? v : null);
const label = (key: string) => WEBSITE_ROW.get(key)?.label.replace(/^其中：/, '') ?? key;

/** A total equals the sum of its parts (checked when the total and every part are filled). */
export function sumRule(rule: string, totalKey: string, partKeys: string[], whole: string) {
  return (values: Values): WebsiteFinding[] => {
    const total = num(values[totalKey]);
    const parts = partKeys.map((k) => num(values[k]));
    if (total === null || parts.some((p) => p === null)) return [];
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (sum === total) return [];
    return [
      {
        rule,
        keys: [totalKey, ...partKeys],
        message: `${whole}总数（${total}）应等于${partKeys.map(label).join('、')}之和（${sum}）`,
      },
    ];
  };
}

/** A part is not above its whole (checked when both are filled). */
export function notAboveRule(rule: string, partKey: string, wholeKey: string) {
  return (values: Values): WebsiteFinding[] => {
    const part = num(values[partKey]);
    const whole = num(values[wholeKey]);
    if (part === null || whole === null || part <= whole) return [];
    return [
      {
        rule,
        keys: [partKey, wholeKey],
        message: `${label(partKey)}（${part}）不应大于${label(wholeKey)}（${whole}）`,
      },
    ];
  };
}

/** 信息发布总数 = 概况类 + 政务动态 + 信息公开目录. */
export const publishSum = sumRule(
  'publish-sum',
  'publish.total',
  ['publish.overview', 'publish.news', 'publish.directory'],
  '信息发布',
);
/** 解读信息发布总数 = 解读材料 + 解读产品 + 媒体评论. */
export const interpretSum = sumRule(
  'interpret-sum',
  'interpret.total',
  ['interpret.materials', 'interpret.products', 'interpret.media'],
  '解读信息发布',
);
/** 办件量总数 = 自然人 + 法人 (the split is unconfirmed, see layout.ts). */
export const serviceCasesSum = sumRule(
  'service-cases-sum',
  'service.cases.total',
  ['service.cases.person', 'service.cases.legal'],
  '办件量',
);
/** 办结留言数量 ≤ 收到留言数量. */
export const messagesClosed = notAboveRule('messages-closed', 'messages.closed', 'messages.received');
/** 公开答复数量 ≤ 收到留言数量. */
export const messagesPublished = notAboveRule('messages-published', 'messages.published', 'messages.received');
/** 问题整改数量 ≤ 发现问题数量. */
export const securityFixed = notAboveRule('security-fixed', 'security.fixed', 'security.found');
/** 独立用户访问总量 ≤ 网站总访问量 (each visitor visits at least once). */
export const visitsUnique = notAboveRule('visits-unique', 'visits.unique', 'visits.total');
/** 可全程在线办理政务服务事项数量 ≤ 政务服务事项数量. */
export const serviceOnline = notAboveRule('service-online', 'service.online', 'service.items');

/** Every required row answered (yes/no chosen, text filled). */
export function requiredAnswered(values: Values): WebsiteFinding[] {
  return WEBSITE_ROWS.filter((r) => r.required)
    .filter((r) => {
      const v = values[r.key];
      return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    })
    .map((r) => ({
      rule: 'required',
      keys: [r.key],
      message: r.kind === 'yesno' ? `“${r.label}”未选择是或否` : `“${r.label}”未填写`,
    }));
}

/** 网站类型 is one of the national 基本数据库's types. */
export function siteType(values: Values): WebsiteFinding[] {
  const v = values['site.type'];
  if (typeof v !== 'string' || v === '' || (SITE_TYPES as readonly string[]).includes(v)) return [];
  return [{ rule: 'site-type', keys: ['site.type'], message: `网站类型应为${SITE_TYPES.join('、')}之一` }];
}

export const WEBSITE_RULES = [
  publishSum,
  interpretSum,
  serviceCasesSum,
  messagesClosed,
  messagesPublished,
  securityFixed,
  visitsUnique,
  serviceOnline,
  requiredAnswered,
  siteType,
];

export function checkWebsiteReport(values: Values): WebsiteFinding[] {
  return WEBSITE_RULES.flatMap((rule) => rule(values));
}

/** Keys that may be entered by hand (for the form's error map). */
export const ENTERED_KEYS = new Set(ENTERED_ROWS.map((r) => r.key));
