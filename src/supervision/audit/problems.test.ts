import { describe, expect, it } from 'vitest';
import type { Report } from '../../report/model.ts';
import { sampleReport } from '../../report/sample.ts';
import { AUDIT_DEFAULTS, auditReport, isBlankCell, isJump, repeatRate } from './problems.ts';

const PROBLEMS_2024 =
  '政策解读的针对性有待加强，依申请公开答复文书的规范化水平有待提高。下一步将加强业务培训，完善答复文书模板。';

describe('repeat rate of a narrative section against last year', () => {
  it.each([
    ['a copy', PROBLEMS_2024, PROBLEMS_2024, 1, 1],
    ['a copy with the year changed', '2025年答复文书规范化水平有待提高。', '2024年答复文书规范化水平有待提高。', 1, 1],
    [
      'a copy with spaces and punctuation changed',
      '加强业务培训 完善答复文书模板',
      '加强业务培训，完善答复文书模板。',
      1,
      1,
    ],
    ['half kept, half new', '加强业务培训完善文书。网站栏目更新不及时', '加强业务培训完善文书。', 0.4, 0.6],
    ['nothing in common', '网站栏目更新不及时，留言办理较慢。', PROBLEMS_2024, 0, 0.1],
    ['an empty text', '', PROBLEMS_2024, 0, 0],
  ])('%s', (_name, current, previous, low, high) => {
    const rate = repeatRate(current, previous);
    expect(rate).toBeGreaterThanOrEqual(low);
    expect(rate).toBeLessThanOrEqual(high);
  });
});

describe('year-on-year jumps', () => {
  const p = { jumpRatio: 5, jumpMinChange: 20 };
  it.each([
    ['×5 and +40: a jump', 10, 50, p, true],
    ['÷5 and −40: a jump', 50, 10, p, true],
    ['×4.9: no jump', 10, 49, p, false],
    ['×5 but only +4: no jump', 1, 5, p, false],
    ['from 0 to 20: a jump', 0, 20, p, true],
    ['from 0 to 19: no jump', 0, 19, p, false],
    ['a lower ratio set by the office', 10, 30, { jumpRatio: 3, jumpMinChange: 20 }, true],
    ['a lower minimum set by the office', 1, 5, { jumpRatio: 5, jumpMinChange: 4 }, true],
  ])('%s', (_name, before, after, params, expected) => {
    expect(isJump(before, after, params)).toBe(expected);
  });
});

it.each([
  ['null (printed blank)', null, true],
  ['"/"', '/', true],
  ['"——"', '——', true],
  ['0', 0, false],
  ['words printed in the cell', '列入财政预算', false],
])('a blank cell: %s', (_name, value, blank) => {
  expect(isBlankCell(value)).toBe(blank);
});

describe('auditReport', () => {
  const base = sampleReport({ format: 'new2021', year: 2025, issuer: '示范县教育局', seed: 7 });
  const withNarrative = (r: Report, problems: string, other: string): Report => ({
    ...r,
    narrative: { overview: '总体情况。', problems, other },
  });
  const previous = withNarrative({ ...base, year: 2024 }, PROBLEMS_2024, '本年度未收取信息处理费。');

  it('names a section 五 copied from last year with its repeat rate; a short 六 is not judged', () => {
    const current = withNarrative(base, PROBLEMS_2024, '本年度未收取信息处理费。');
    const found = auditReport(current, previous).filter((p) => p.kind === 'narrative_repeated');
    expect(found).toHaveLength(1);
    expect(found[0].section).toBe('problems');
    expect(found[0].repeatRate).toBe(1);
    expect(found[0].message).toContain('五、存在的主要问题及改进情况');
    expect(found[0].message).toContain('重复率为100%');
    // A stricter threshold than the rate does not flag it: the threshold is the parameter.
    const lenient = auditReport(current, previous, { repeatThreshold: 1.01 });
    expect(lenient.some((p) => p.kind === 'narrative_repeated')).toBe(false);
    expect(AUDIT_DEFAULTS.repeatThreshold).toBe(0.8);
  });

  it('names empty sections 五 and 六', () => {
    const found = auditReport(withNarrative(base, '  ', ''), previous).filter((p) => p.kind === 'narrative_empty');
    expect(found.map((p) => p.section)).toEqual(['problems', 'other']);
    expect(found[1].message).toContain('六、其他需要报告的事项');
    // A narrative never read (an imported report's tables only) is not judged.
    const unread = auditReport(withNarrative(base, '', ''), previous, {}, { narrativeRead: false });
    expect(unread.some((p) => p.kind === 'narrative_empty' || p.kind === 'narrative_repeated')).toBe(false);
  });

  it('names a blank or "/" cell by its official label, not its key', () => {
    const current = withNarrative(base, '新写的问题与改进情况，与上一年度完全不同的内容。', '无');
    current.values = { ...current.values, 'review.upheld': null, 'apply.granted.natural_person': '/' };
    const blank = auditReport(current, previous).filter((p) => p.kind === 'blank_cell');
    expect(blank.map((p) => p.cells[0].key).sort()).toEqual(['apply.granted.natural_person', 'review.upheld']);
    const upheld = blank.find((p) => p.cells[0].key === 'review.upheld')!;
    expect(upheld.cells[0].label).toBe('行政复议结果维持');
    expect(upheld.message).toContain('「行政复议结果维持」');
    expect(upheld.message).not.toContain('review.upheld');
  });

  it('names a jump beyond the ratio, not one below it', () => {
    const before = { ...previous, values: { ...previous.values, 'review.upheld': 3, 'review.corrected': 10 } };
    const current = withNarrative(base, '新写的问题与改进情况，与上一年度完全不同的内容。', '无');
    current.values = { ...current.values, 'review.upheld': 60, 'review.corrected': 40 };
    const jumps = auditReport(current, before).filter((p) => p.kind === 'jump');
    expect(jumps.map((p) => p.cells[0].key)).toEqual(['review.upheld']);
    expect(jumps[0].message).toContain('由2024年度的3增至60（20倍）');
    const stricter = auditReport(current, before, { jumpRatio: 3 }).filter((p) => p.kind === 'jump');
    expect(stricter.map((p) => p.cells[0].key).sort()).toEqual(['review.corrected', 'review.upheld']);
  });

  it('lists the rule findings with their cells named; without last year, no cross-year problems', () => {
    const current = withNarrative(base, '新写的问题与改进情况，与上一年度完全不同的内容。', '无');
    current.values = { ...current.values, 'review.total': Number(current.values['review.total'] ?? 0) + 1 };
    const rules = auditReport(current).filter((p) => p.kind === 'rule');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules[0].severity).toBe('error');
    expect(rules[0].cells.length).toBeGreaterThan(0);
    expect(rules[0].cells.every((c) => c.label && !c.label.includes('.'))).toBe(true);
    expect(auditReport(current).some((p) => p.kind === 'jump' || p.kind === 'narrative_repeated')).toBe(false);
  });
});
