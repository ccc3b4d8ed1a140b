import { describe, expect, it } from 'vitest';
import { cutsByNeighbours } from './neighbours.ts';

const RUNNING = { total: 1, year: 0 };
// 平潭 2015 `294981916`: every cut with 历年累计 ≥ 本年度.
const ALLOWED = [
  [2, 94981916],
  [29, 4981916],
  [294, 981916],
  [2949, 81916],
];

describe('a running total against the years either side', () => {
  it("keeps the cut whose total less its year is last year's total", () => {
    const previous = { year: 2014, figures: { 主动公开信息数: [2543, 78967] } };
    expect(cutsByNeighbours(ALLOWED, '主动公开信息数', RUNNING, previous, undefined)).toEqual({
      cuts: [[2949, 81916]],
      by: ['previous'],
    });
  });

  it("keeps the cut whose total is next year's total less next year's figure, next year's cuts all tried", () => {
    const following = {
      year: 2016,
      figures: {},
      candidates: {
        主动公开信息数: [
          [34, 6085376],
          [3460, 85376],
        ],
      },
    };
    expect(cutsByNeighbours(ALLOWED, '主动公开信息数', RUNNING, undefined, following)?.cuts).toEqual([[2949, 81916]]);
  });

  it('a neighbour no cut fits is not used (a total restarted); neighbours that disagree leave nothing', () => {
    const restarted = { year: 2014, figures: { 主动公开信息数: [1, 5] } };
    expect(cutsByNeighbours(ALLOWED, '主动公开信息数', RUNNING, restarted, undefined)).toBeUndefined();
    const previous = { year: 2014, figures: { 主动公开信息数: [2543, 78967] } };
    const following = { year: 2016, figures: { 主动公开信息数: [1, 981917] } }; // fits 294 | 981916 only
    expect(cutsByNeighbours(ALLOWED, '主动公开信息数', RUNNING, previous, following)).toEqual({
      cuts: [],
      by: ['previous', 'following'],
    });
  });

  it('a row the neighbour does not lend decides nothing', () => {
    const previous = { year: 2014, figures: { 网站公开: [2543, 78967] } };
    expect(cutsByNeighbours(ALLOWED, '主动公开信息数', RUNNING, previous, undefined)).toBeUndefined();
  });
});
