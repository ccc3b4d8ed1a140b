import { describe, expect, it } from 'vitest';
import { defaultDirectory, directoryProblems, flattenDirectory } from './directory.ts';
import { formatIndexNo, parseIndexNo } from './index-number.ts';

describe('directory', () => {
  it.each([
    [
      'a county department gets 第二十条 (一)…(十五) and the 市县 list of 第二十一条',
      'department',
      '21.county.land',
      '21.town.land',
    ],
    ['a town gets the 乡（镇） list of 第二十一条', 'town', '21.town.homestead', '21.county.land'],
  ])('%s', (_n, kind, has, hasNot) => {
    const codes = flattenDirectory(defaultDirectory(kind));
    expect([...codes.keys()].filter((c) => /^20\.\d+$/.test(c))).toHaveLength(15);
    expect(codes.has(has)).toBe(true);
    expect(codes.has(hasNot)).toBe(false);
    expect(codes.get('20.7')?.at(-1)).toBe('财政预算、决算信息');
  });

  it('finds duplicate codes', () => {
    expect(
      directoryProblems([
        { code: 'a', name: '甲' },
        { code: 'a', name: '乙' },
      ]),
    ).toEqual(['目录编码重复：a']);
    expect(directoryProblems(defaultDirectory('government'))).toEqual([]);
  });
});

describe('索引号 format', () => {
  it('round-trips', () => {
    const no = formatIndexNo('11510000MB0000001X', 2025, 42);
    expect(no).toBe('11510000MB0000001X/2025-00042');
    expect(parseIndexNo(no)).toEqual({ creditCode: '11510000MB0000001X', year: 2025, sequence: 42 });
    expect(parseIndexNo('abc/2025-1')).toBeNull();
  });
});
