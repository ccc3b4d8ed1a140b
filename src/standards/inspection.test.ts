import { describe, expect, it } from 'vitest';
import { type ColumnState, cardOf, currentUntil, EMPTY_COLUMNS_VETO, inspectColumns } from './inspection.ts';

const col = (name: string, cls: ColumnState['cls'], lastPublishedOn: string | null): ColumnState => ({
  code: name,
  name,
  cls,
  lastPublishedOn,
});

describe('国办秘函〔2019〕19号 栏目更新: each threshold at its edge', () => {
  it.each([
    ['动态: 14 days later is still current', 'dynamic', '2026-11-19', '2026-12-03', false],
    ['动态: 15 days later is stale', 'dynamic', '2026-11-18', '2026-12-03', true],
    ['政策文件: 6 months to the day is current', 'policy', '2026-06-03', '2026-12-03', false],
    ['政策文件: one day more is stale', 'policy', '2026-06-02', '2026-12-03', true],
    ['通知公告: from 31 August, 6 months end on the last day of February', 'notice', '2026-08-31', '2027-02-28', false],
    ['通知公告: and the day after is stale', 'notice', '2026-08-31', '2027-03-01', true],
    ['other columns are not judged for staleness', 'other', '2020-01-01', '2026-12-03', false],
  ] as const)('%s', (_name, cls, last, today, stale) => {
    const found = inspectColumns([col('栏目', cls, last)], today);
    expect(found.some((f) => f.indicator === 'stale')).toBe(stale);
  });

  it('counts months on the calendar', () => {
    expect(currentUntil('2026-08-31', 'policy')).toBe('2027-02-28');
    expect(currentUntil('2027-08-31', 'policy')).toBe('2028-02-29');
  });
});

describe('空白栏目', () => {
  it(`is listed always, and a 单项否决 from ${EMPTY_COLUMNS_VETO} empty columns`, () => {
    const four = Array.from({ length: EMPTY_COLUMNS_VETO - 1 }, (_, i) => col(`空${i}`, 'other', null));
    expect(inspectColumns(four, '2026-12-03').map((f) => f.veto)).toEqual(four.map(() => false));
    const five = [...four, col('空x', 'other', null)];
    expect(inspectColumns(five, '2026-12-03').every((f) => f.veto)).toBe(true);
  });
});

describe('the card (红牌 / 黄牌 / 绿牌) and the rule that made it', () => {
  const finding = (veto: boolean, message: string) =>
    ({ indicator: veto ? 'empty' : 'overdue_reply', column: 'x', message, veto }) as const;
  it.each([
    ['a 单项否决 item: red', [finding(false, '逾期'), finding(true, '空白栏目5个')], 'red', '单项否决：空白栏目5个'],
    ['only things to fix: yellow', [finding(false, '1件逾期')], 'yellow', '待整改：1件逾期'],
    ['nothing found: green', [], 'green', '未发现问题'],
  ])('%s', (_name, findings, card, why) => {
    expect(cardOf(findings)).toEqual({ card, why });
  });
});
