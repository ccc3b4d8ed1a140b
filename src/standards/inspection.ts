/**
 * 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号) 单项否决 items the platform can judge from its own
 * catalog (issue #17), per unit, on a given day:
 *   - 栏目不更新: 动态、要闻类 columns not updated for 2 weeks; 通知公告、政策文件类 columns not updated for
 *     6 months;
 *   - 空白栏目: a column with nothing published; 5 or more is a 单项否决.
 * Which of the unit's columns is of which class is a named parameter (COLUMN_CLASSES) with its reasoning: the
 * platform's columns are the 第二十条/第二十一条 directory, whose 20.1 is the 政策文件 column; 通知公告 and
 * 动态 are read from the items' 体裁 (通知/公告/通告; 信息). The 留言 item (3 months) needs 互动交流 records
 * the platform does not keep, and site reachability and wording need an outside scan: not judged here.
 * Source: the 检查指标 as quoted by 南宁市 (research/field.md §0, row 9) [V].
 */

export type ColumnClass = 'dynamic' | 'notice' | 'policy' | 'other';

/** How long a column of each class may go without an update (单项否决 past it). */
export const STALE_LIMITS: Record<Exclude<ColumnClass, 'other'>, { days?: number; months?: number; words: string }> = {
  dynamic: { days: 14, words: '动态、要闻类栏目超过2周未更新' },
  notice: { months: 6, words: '通知公告类栏目超过6个月未更新' },
  policy: { months: 6, words: '政策文件类栏目超过6个月未更新' },
};

/** 空白栏目: this many or more is a 单项否决. */
export const EMPTY_COLUMNS_VETO = 5;

/** The directory codes and 体裁 that make a column of a class (the parameter described above). */
export const COLUMN_CLASSES = {
  policyCategories: ['20.1'],
  noticeGenres: ['通知', '公告', '通告'],
  dynamicGenres: ['信息'],
} as const;

export interface ColumnState {
  code: string;
  name: string;
  cls: ColumnClass;
  /** The newest 发布日期 in the column, null when nothing is published. */
  lastPublishedOn: string | null;
}

export interface InspectionFinding {
  /**
   * stale / empty: the 单项否决 items above. overdue_reply, late_interpretation, broken_link: what the
   * 检查指标 also scores (依申请公开 answered in time, 政策解读 published with the policy, links that work) and
   * an office fixes before an inspection, not a 单项否决 by themselves.
   */
  indicator: 'stale' | 'empty' | 'overdue_reply' | 'late_interpretation' | 'broken_link';
  column: string;
  message: string;
  veto: boolean;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

/** The last day a column updated on `last` is still current: 2 weeks, or 6 calendar months, later. */
export function currentUntil(last: string, cls: Exclude<ColumnClass, 'other'>): string {
  const limit = STALE_LIMITS[cls];
  return limit.days ? addDays(last, limit.days) : addMonths(last, limit.months ?? 0);
}

/** The 单项否决 findings of one unit's columns on `today`. */
export function inspectColumns(columns: readonly ColumnState[], today: string): InspectionFinding[] {
  const out: InspectionFinding[] = [];
  for (const c of columns) {
    if (c.cls === 'other' || c.lastPublishedOn === null) continue;
    const until = currentUntil(c.lastPublishedOn, c.cls);
    if (today > until)
      out.push({
        indicator: 'stale',
        column: c.name,
        message: `${STALE_LIMITS[c.cls].words}：「${c.name}」最近更新于${c.lastPublishedOn}`,
        veto: true,
      });
  }
  const empty = columns.filter((c) => c.lastPublishedOn === null);
  for (const c of empty)
    out.push({
      indicator: 'empty',
      column: c.name,
      message: `空白栏目：「${c.name}」没有发布任何信息`,
      veto: empty.length >= EMPTY_COLUMNS_VETO,
    });
  return out;
}

export type Card = 'red' | 'yellow' | 'green';

/**
 * The unit's card and the rule that made it so: red when a 单项否决 item is found, yellow when anything else is
 * found (to fix before the inspection), green when nothing is.
 */
export function cardOf(findings: readonly InspectionFinding[]): { card: Card; why: string } {
  const veto = findings.find((f) => f.veto);
  if (veto) return { card: 'red', why: `单项否决：${veto.message}` };
  if (findings.length) return { card: 'yellow', why: `待整改：${findings[0].message}` };
  return { card: 'green', why: '未发现问题' };
}

export const CARD_NAMES: Record<Card, string> = { red: '红牌', yellow: '黄牌', green: '绿牌' };
