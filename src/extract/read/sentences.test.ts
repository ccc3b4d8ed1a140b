import { describe, expect, it } from 'vitest';
import { findStatements } from './sentences.ts';

const staff = (text: string) =>
  findStatements([text], 'old2008')
    .filter((s) => s.key.startsWith('org.staff'))
    .map((s) => [s.key, s.value]);

describe('staff in sentences', () => {
  it('reads 全职 as 专职 and "no full-time staff" as 0 (平潭地税局 2013)', () => {
    expect(staff('我局没有从事政府信息公开工作的全职人员，兼职人员1人。')).toEqual([
      ['org.staff.full_time', 0],
      ['org.staff.part_time', 1],
    ]);
    expect(staff('配备全职人员2人。')).toEqual([['org.staff.full_time', 2]]);
  });

  it('does not read a count of other staff', () => {
    expect(staff('无专项经费，工作人员均由办公室人员兼任。')).toEqual([]);
  });
});

describe('application channels in sentences', () => {
  it('reads the table row names used as words (平潭县 2013: 网上申请数3条，信函申请数4条)', () => {
    const got = findStatements(
      ['2013年全县共收到有关政府信息公开的申请7条，网上申请数3条，信函申请数4条；'],
      'old2008',
    );
    expect(got.map((s) => [s.key, s.value])).toEqual([
      ['apply.received', 7],
      ['apply.received.online', 3],
      ['apply.received.letter', 4],
    ]);
  });
});

describe('a whole named after the units that compiled it', () => {
  const proactive = (text: string) =>
    findStatements([text], 'old2008')
      .filter((s) => s.key === 'proactive.total')
      .map((s) => s.value);

  it('takes the figure whose own phrase names no part (平潭综合实验区 2012)', () => {
    expect(
      proactive(
        '区管委会办公室、区直各部门、各乡镇、县直各单位对政府信息进行了梳理和编目，2012年主动公开政府信息1913条。其中，区直、县直各单位主动公开政府信息1397条，占73%。',
      ),
    ).toEqual([1913]);
  });

  it('still leaves out a part after 其中，', () => {
    expect(proactive('全年信息3000条，其中，主动公开政府信息1200条。')).toEqual([]);
  });
});
