import { describe, expect, it } from 'vitest';
import { splitGluedRows, UNREADABLE_RUN } from './variant-cells.ts';

const UNITS = ['条', '件', '元', '万元'];

describe('a local variant’s rows run together in one cell', () => {
  it('cuts each row into label, unit and its run of figures (平潭 2015)', () => {
    expect(
      splitGluedRows('主动公开文件数条294981916其中：1、政府网站公开数条2949819162、政府公报公开数条00', UNITS),
    ).toEqual([
      '主动公开文件数',
      '条',
      '294981916',
      '其中：1、政府网站公开数',
      '条',
      '294981916',
      '2、政府公报公开数',
      '条',
      '00',
    ]);
  });

  it('gives the next row its number glued to the figures only when it is the number that row must carry', () => {
    // 3. follows 2. (平潭县 2011: `…条003.电子邮件申请数`).
    expect(splitGluedRows('2.传真申请数条003.电子邮件申请数条00', UNITS)).toEqual([
      '2.传真申请数',
      '条',
      '00',
      '3.电子邮件申请数',
      '条',
      '00',
    ]);
    // The run ends in 4, not the 3 the next row must carry: where the figures end is not known.
    expect(splitGluedRows('2.传真申请数条0074.电子邮件申请数条00', UNITS).slice(0, 3)).toEqual([
      '2.传真申请数',
      '条',
      `0074${UNREADABLE_RUN}`,
    ]);
  });

  it('takes the longest unit (万元 before 元) and leaves text with no unit before digits whole', () => {
    expect(splitGluedRows('收费金额万元12', UNITS)).toEqual(['收费金额', '万元', '12']);
    expect(splitGluedRows('主动公开政府信息2949条。', UNITS)).toEqual(['主动公开政府信息2949条。']);
  });
});
