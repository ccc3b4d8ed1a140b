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
