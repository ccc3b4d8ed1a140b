/**
 * National tables whose cells run together (issue #16), on small made-up one-line reports in the crawler
 * shape of 平潭 2020–2025: each row cut where the table's arithmetic leaves one cut, left out and named
 * where it does not.
 */
import { describe, expect, it } from 'vitest';
import { extractBuffer } from '../pipeline.ts';
import { cuts } from '../read/run-together.ts';
import { cutApplyRow, cutReviewRow, cutSectionTwoRow, spaceRunTogetherRows, sumCuts } from './run-together-rows.ts';

const HEAD =
  '标题: 平潭综合实验区2023年度政府信息公开工作年度报告 平潭综合实验区2023年度政府信息公开工作年度报告' +
  '本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况 2023年，本区依法做好政府信息公开工作。' +
  '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' +
  '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';

/** Section 三 as one run, rows glued to their labels and to the next row's number. */
function applySection(granted: string, total: string): string {
  return (
    `一、本年新收政府信息公开申请数量932000095二、上年结转政府信息公开申请数量1000001` +
    `三、本年度办理结果（一）予以公开${granted}（二）部分公开（区分处理的，只计这一情形，不计其他情形）82000010` +
    '（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”0000000' +
    '4.保护第三方合法权益00000005.属于三类内部事务信息3200000326.属于四类过程性信息0000000' +
    '7.属于行政执法案卷00000008.属于行政查询事项0000000' +
    '（四）无法提供1.本机关不掌握相关政府信息3100000312.没有现成信息需要另行制作0000000' +
    '3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请0000000' +
    '3.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000' +
    '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请1000001' +
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000' +
    `${total}四、结转下年度继续办理0000000`
  );
}

const REVIEW =
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计' +
  '未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计' +
  '25380363300630003五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。';

async function read(text: string) {
  return extractBuffer(new TextEncoder().encode(text), 'made-up.txt');
}

describe('run-together cells of the national tables', () => {
  it('cuts a row read as one number by its total (713000074 = 71 3 0 0 0 0 74)', () => {
    expect(cutApplyRow('713000074')).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(cutApplyRow('320000032')).toEqual([32, 0, 0, 0, 0, 0, 32]);
  });

  it('finds no single cut where the row alone allows two (22 0 … 22 or 2 20 … 22)', () => {
    expect(cutApplyRow('220000022')).toBeUndefined();
  });

  it('searches the same cuts as listing every cut and keeping those that add up', () => {
    const addsUp = (f: number[]) => f.slice(0, 6).reduce((a, b) => a + b, 0) === f[6];
    for (const digits of ['220000022', '21710000218', '1111111111112', '3200000326', '100000010'])
      expect(sumCuts(digits, 1, 6, 1000).map(String).sort(), digits).toEqual(
        cuts(digits, 7).filter(addsUp).map(String).sort(),
      );
  });

  it('cuts section 四 by the three groups’ sums', () => {
    expect(cutReviewRow('25380363300630003')).toEqual([25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]);
  });

  it('reads every row of a one-line report: next row numbers cut off, ambiguous rows settled by the columns', async () => {
    const out = await read(`${HEAD}${applySection('220000022', '（七）总计942000096')}${REVIEW}`);
    const v = out.values;
    expect([v['apply.received.natural_person'], v['apply.received.commercial'], v['apply.received.total']]).toEqual([
      93, 2, 95,
    ]);
    // `3100000312.没有…`: the 2 is the next row's number, so 31 | 0 … | 31, not 3 | 1 … | 12.
    expect([v['apply.unavailable.not_held.natural_person'], v['apply.unavailable.not_held.total']]).toEqual([31, 31]);
    expect(v['apply.withheld.internal_affairs.natural_person']).toBe(32);
    expect(v['apply.unavailable.needs_creation.total']).toBe(0);
    // 220000022 alone is 22 | 0 or 2 | 20; only 22 | 0 makes the 商业企业 column add up.
    expect([v['apply.granted.natural_person'], v['apply.granted.commercial']]).toEqual([22, 0]);
    expect([v['apply.partly_granted.commercial'], v['apply.partly_granted.total']]).toEqual([2, 10]);
    expect(v['apply.total.total']).toBe(96);
    expect([v['review.upheld'], v['review.total'], v['litigation.direct.total']]).toEqual([25, 36, 6]);
    expect(v['litigation.after_review.total']).toBe(3);
    expect(out.warnings.filter((w) => w.includes('连在一起'))).toEqual([]);
  });

  it('leaves a row out and names it where no arithmetic decides (no 总计 row to settle 220000022)', async () => {
    const out = await read(`${HEAD}${applySection('220000022', '')}${REVIEW}`);
    expect(out.values['apply.granted.natural_person']).toBeUndefined();
    expect(out.values['apply.granted.commercial']).toBeUndefined();
    expect(out.values['apply.received.total']).toBe(95);
    expect(out.warnings.some((w) => w.includes('予以公开') && w.includes('220000022'))).toBe(true);
  });

  it('cuts a 第二十条 row only where one reading is left', () => {
    expect(cutSectionTwoRow('007', 3, false)).toEqual(['0', '0', '7']);
    expect(cutSectionTwoRow('35-15', 2, true)).toEqual(['35', '-15']);
    expect(cutSectionTwoRow('2629', 1, false)).toEqual(['2629']);
    // 本年制发/废止/现行有效: 现行有效 needs last year's figure, so nothing decides 77 | 132 | 470.
    expect(cutSectionTwoRow('77132470', 3, false)).toBeUndefined();
    // 上一年 20, then +1 | 737 or +17 | 37 or +173 | 7.
    expect(cutSectionTwoRow('20+1737', 3, true)).toBeUndefined();
  });

  it('reads section 二 of a one-line 2019-format report, leaving undecided rows out', async () => {
    const two =
      '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章007' +
      '规范性文件7777166第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可20+1737' +
      '其他对外管理服务事项1+00第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15';
    const out = await read(
      `${HEAD.replace(/2023/g, '2020')}`.replace('三、收到', `${two}三、收到`) +
        applySection('220000022', '（七）总计942000096') +
        REVIEW,
    );
    const v = out.values;
    expect([v['s20_1.rules.produced'], v['s20_1.rules.published'], v['s20_1.rules.total']]).toEqual([0, 0, 7]);
    expect([v['s20_8.fees.prev'], v['s20_8.fees.change']]).toEqual([35, -15]);
    expect([v['s20_5.other_services.prev'], v['s20_5.other_services.change']]).toEqual([1, 0]);
    expect(v['s20_1.normative.total']).toBeUndefined();
    expect(v['s20_5.licensing.prev']).toBeUndefined();
    expect(out.warnings.some((w) => w.includes('行政许可') && w.includes('20+1737'))).toBe(true);
    expect(out.warnings.some((w) => w.includes('规范性文件') && w.includes('7777166'))).toBe(true);
  });

  it('sets a label glued to spaced figures apart (`（六）其他处理4 0 0 0 0 0 4`)', () => {
    const rows = '一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4（六）其他处理4 0 0 0 0 0 4（七）总计 4 0 0 0 0 0 4';
    const line = `${HEAD}${rows}${'五、存在的主要问题及改进情况 政策解读形式不够丰富。'.repeat(20)}`;
    expect(spaceRunTogetherRows(line)).toContain('（六）其他处理 4 0 0 0 0 0 4');
  });

  it('leaves text with ordinary lines as it was', () => {
    const text = '（一）予以公开\t220000022\n（七）总计\t942000096';
    expect(spaceRunTogetherRows(text)).toBe(text);
  });
});
