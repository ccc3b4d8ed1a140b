import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { feeByCount, feeByPages } from './fees.ts';

// 《政府信息公开信息处理费管理办法》第四条 (按件) and 第五条 (按量), 超额累进.
describe('信息处理费 按件 (第四条)', () => {
  it.each([
    ['ten in a month are free', 0, 10, 0],
    ['the 11th costs 100', 10, 1, 100],
    // 11–30: 20 × 100.
    ['thirty in a month', 0, 30, 2000],
    // 11–30: 2,000; the 31st opens the first band of 10 above 30 at 200 (reading [UNCONFIRMED]).
    ['thirty-one in a month', 0, 31, 2200],
    // The worked example: 11–30: 20 × 100; 31–40: 10 × 200; 41–45: 5 × 300 = 5,500.
    ['the worked example: 45 in a month', 0, 45, 5500],
    // 29th–30th at 100, 31st–33rd at 200.
    ['continuing a month: 5 more after 28', 28, 5, 2 * 100 + 3 * 200],
    ['none filed', 12, 0, 0],
  ])('%s', (_name, prior, count, yuan) => {
    expect(feeByCount(prior, count).yuan).toBe(yuan);
  });

  it('itemises the bands of the worked example', () => {
    expect(feeByCount(0, 45).lines).toEqual([
      { from: 11, to: 30, unitYuan: 100, yuan: 2000 },
      { from: 31, to: 40, unitYuan: 200, yuan: 2000 },
      { from: 41, to: 45, unitYuan: 300, yuan: 1500 },
    ]);
  });
});

describe('信息处理费 按量 (第五条)', () => {
  it.each([
    ['30 pages are free', 30, 0],
    ['31 pages', 31, 10],
    // 31–100: 70 × 10.
    ['100 pages, top of the 10元 band', 100, 700],
    ['101 pages, first of the 20元 band', 101, 720],
    // 700 + 100 × 20.
    ['200 pages, top of the 20元 band', 200, 2700],
    ['201 pages, first of the 40元 band', 201, 2740],
    // 700 + 2,000 + 50 × 40.
    ['250 pages', 250, 4700],
    ['no pages', 0, 0],
  ])('%s', (_name, pages, yuan) => {
    expect(feeByPages(pages).yuan).toBe(yuan);
  });

  it('itemises the page bands', () => {
    expect(feeByPages(250).lines).toEqual([
      { from: 31, to: 100, unitYuan: 10, yuan: 700 },
      { from: 101, to: 200, unitYuan: 20, yuan: 2000 },
      { from: 201, to: 250, unitYuan: 40, yuan: 2000 },
    ]);
  });
});

it.each([
  ['negative pages', () => feeByPages(-1)],
  ['fractional pages', () => feeByPages(2.5)],
  ['a negative count', () => feeByCount(0, -3)],
])('refuses %s', (_name, fn) => {
  expect(fn).toThrow(AppError);
});
