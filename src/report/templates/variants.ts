/**
 * Local variants of the statistical table: provinces printed their own 统计表 for years, with their own row
 * labels, a 计量单位 column and more than one number column. A variant is data beside the national templates:
 * the national template it reports in (`base`), how to know it (its header), which number column is the
 * year's own, and each row's meaning — a canonical key where the row means what the key means, or `null`
 * with the reason when no key says the same (the cell is left out and named, never forced into a key).
 * Rows that print several canonical rows as one suspend the rules that need those rows apart.
 */
import type { TemplateId } from '../model.ts';

export interface VariantRow {
  /** The row's labels as printed (numbering and spaces removed), every wording seen. */
  labels: string[];
  /** The canonical key, or null when the row has none. */
  key: string | null;
  /** Why a row has no key (named in the extraction's warnings). */
  why?: string;
  /** Rules that cannot be checked when this row is printed (it merges rows the rule needs apart). */
  suspends?: string[];
}

export interface TemplateVariant {
  id: string;
  name: string;
  /** Where the layout was seen. */
  source: string;
  base: TemplateId;
  /** Years the variant was used in. */
  years: [number, number];
  /**
   * The table's header, matched on text with spaces removed: `指标名称计量单位2014年度历年累计`. Group 1 is
   * the year the first number column counts.
   */
  header: RegExp;
  /** The number columns in order; `yearColumn` is the index of the year's own. */
  columns: string[];
  yearColumn: number;
  /** Units printed in the 计量单位 column. */
  units: string[];
  rows: VariantRow[];
  /**
   * The table's own arithmetic, used to split cells run together (`条20263542`) only where it decides one split:
   * `[above, below]` pairs of number columns, the first never below the second (a running total and the year
   * it includes); and rows whose figure, column by column, is never below the sum of its parts (其中 rows,
   * named by their first label; the parts need not be all of the whole). Parts that may overlap (channels:
   * 同一信息多渠道公开计1条) bound the whole each on its own, not by their sum.
   */
  neverBelow?: [number, number][];
  wholes?: { whole: string; parts: string[]; overlapping?: boolean }[];
  /**
   * A running total: column `total` of a year is the same body's `total` of the year before plus this year's
   * column `year` (历年累计 = last year's 历年累计 + 本年度), used only with that report given.
   */
  runningTotal?: { total: number; year: number };
}

/**
 * 福建省《政府信息公开情况统计表》(2008–2018): columns 指标名称 | 计量单位 | YYYY年度 | 历年累计. Two wordings
 * seen on 平潭综合实验区's reports: 2011 (主动公开信息数, 1.网站公开, 否决公开答复数, five channels with
 * 电子邮件 and 其它形式) and 2014–2018 (主动公开文件数, 政府网站公开数, 3、信函、传真申请数 as one row,
 * 不予公开答复数, 收费减免金额, 接受行政诉讼、举报数); 2012–2013 and 2017 add 行政申诉、举报数 and
 * 受理政府信息依申请公开总数 (fixtures/real-corpus).
 */
export const fujian2008: TemplateVariant = {
  id: 'fujian2008',
  name: '福建省政府信息公开情况统计表（2008—2018年）',
  source: 'fixtures/real/pingtan-2011.txt, fixtures/real/pingtan-2014.txt (www.pingtan.gov.cn)',
  base: 'old2008',
  years: [2008, 2018],
  header: /指标名称计量单位((?:19|20)\d{2})年度?历年累计/,
  columns: ['本年度', '历年累计'],
  yearColumn: 0,
  units: ['条', '件', '元', '万元', '个', '人', '次'],
  // 历年累计 counts every year up to this one, this year's included.
  neverBelow: [[1, 0]],
  runningTotal: { total: 1, year: 0 },
  wholes: [
    // An item published on the website and in the gazette counts once in the whole (law-and-formats.md §2.5).
    { whole: '主动公开信息数', parts: ['网站公开', '政府公报公开'], overlapping: true },
    {
      whole: '受理依申请公开信息总数',
      parts: [
        '当面申请数',
        '传真申请数',
        '网上申请数',
        '信函申请数',
        '信函、传真申请数',
        '电子邮件申请数',
        '其它形式申请数',
      ],
    },
    {
      whole: '对申请的答复数',
      parts: ['同意公开答复数', '同意部分公开答复数', '否决公开答复数', '其他类型答复数'],
    },
  ],
  rows: [
    { labels: ['主动公开信息数', '主动公开文件数', '主动公开政府信息数'], key: 'proactive.total' },
    { labels: ['网站公开', '政府网站公开数', '网站公开数', '政府网站公开'], key: 'proactive.website' },
    { labels: ['政府公报公开', '政府公报公开数'], key: 'proactive.gazette' },
    { labels: ['受理依申请公开信息总数', '受理依申请公开总数', '受理政府信息依申请公开总数'], key: 'apply.received' },
    { labels: ['当面申请数'], key: 'apply.received.in_person' },
    { labels: ['传真申请数'], key: 'apply.received.fax' },
    { labels: ['网上申请数', '网络申请数'], key: 'apply.received.online' },
    { labels: ['信函申请数'], key: 'apply.received.letter' },
    {
      labels: ['信函、传真申请数', '信函传真申请数'],
      key: null,
      why: '信函与传真合为一行，无对应的单一指标',
      suspends: ['old.apply.received_sum'],
    },
    {
      labels: ['电子邮件申请数'],
      key: null,
      why: '全国表无电子邮件申请一行',
      suspends: ['old.apply.received_sum'],
    },
    {
      labels: ['其它形式申请数', '其他形式申请数'],
      key: null,
      why: '全国表无其他形式申请一行',
      suspends: ['old.apply.received_sum'],
    },
    { labels: ['对申请的答复数', '对申请的答复总数'], key: 'apply.answered' },
    { labels: ['同意公开答复数'], key: 'apply.answered.agreed' },
    { labels: ['同意部分公开答复数'], key: 'apply.answered.partial' },
    { labels: ['否决公开答复数', '不予公开答复数', '不同意公开答复数'], key: 'apply.answered.refused' },
    {
      labels: ['其他类型答复数', '其它类型答复数'],
      key: null,
      why: '其他类型答复合并了全国表的多行',
      suspends: ['old.apply.answered_sum'],
    },
    { labels: ['行政复议数'], key: 'review.total' },
    { labels: ['行政诉讼数'], key: 'litigation.total' },
    { labels: ['行政申诉数'], key: null, why: '行政申诉不等同于举报投诉' },
    { labels: ['行政申诉、举报数', '行政申诉举报数'], key: null, why: '申诉与举报合为一行' },
    {
      labels: ['政府信息公开收费减免金额', '收费减免金额'],
      key: null,
      why: '减免金额不是收取的费用',
    },
    { labels: ['接受行政诉讼、举报数', '接受行政诉讼举报数'], key: null, why: '诉讼与举报合为一行' },
  ],
};

export const VARIANTS: readonly TemplateVariant[] = [fujian2008];

/** A printed label in the form variants list it: numbering (其中：1、 2. （一）) and spaces removed. */
export function variantLabel(printed: string): string {
  return printed
    .replace(/\s+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]?)/, '')
    .replace(/^其中[:：]?/, '');
}
