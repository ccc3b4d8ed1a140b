import { describe, expect, it } from 'vitest';
import { feeByCount, feeByPages } from './fees.ts';

describe('信息处理费', () => {
  it.each([
    ['ten in a month are free', 0, 10, 0],
    ['the 11th costs 100', 10, 1, 100],
    // 11–30: 20 × 100; 31–40: 10 × 200; 41–45: 5 × 300.
    ['the worked example: 45 in a month', 0, 45, 5500],
    ['continuing a month: 5 more after 28', 28, 5, 2 * 100 + 3 * 200],
  ])('按件: %s', (_name, prior, count, yuan) => {
    expect(feeByCount(prior, count).yuan).toBe(yuan);
  });

  it.each([
    ['30 pages are free', 30, 0],
    ['31 pages', 31, 10],
    // 31–100: 70 × 10; 101–200: 100 × 20; 201–250: 50 × 40.
    ['250 pages', 250, 700 + 2000 + 2000],
  ])('按量: %s', (_name, pages, yuan) => {
    expect(feeByPages(pages).yuan).toBe(yuan);
  });

  it('itemises the bands', () => {
    expect(feeByCount(0, 45).lines).toEqual([
      { from: 11, to: 30, unitYuan: 100, yuan: 2000 },
      { from: 31, to: 40, unitYuan: 200, yuan: 2000 },
      { from: 41, to: 45, unitYuan: 300, yuan: 1500 },
    ]);
  });
});
