/**
 * Issue #16, renderings that lost their layout: flipbook and PDF text whose two-character column headers wrap
 * across lines and whose rows' figures follow on one line (`0 0 0 0 0 0 0 0 0 0 0 0 0 0 0`), figures printed
 * after a block of labels, and merged 第二十条 cells (`行政许可 11 3 3 15`).
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../decode/html.ts';
import { toLines } from '../repair/index.ts';
import { readReport } from './index.ts';

/** Headers wrapped two characters a line, each header cell under the last (flipbook text). */
const wrapped = (...headers: string[]) => headers.flatMap((h) => h.match(/.{1,2}/g) ?? []);
/** The same headers as PDF text rebuilt by position gives them: one line per printed line, cells side by side. */
const wrappedSideBySide = (...headers: string[]) => {
  const parts = headers.map((h) => h.match(/.{1,2}/g) ?? []);
  const depth = Math.max(...parts.map((p) => p.length));
  return Array.from({ length: depth }, (_, d) =>
    parts
      .map((p) => p[d])
      .filter(Boolean)
      .join(' '),
  );
};

const report = (header: (...h: string[]) => string[]) => [
  '某县2023年政府信息公开工作年度报告',
  '二、主动公开政府信息情况',
  '第二十条第（一）项',
  '信息内容',
  ...header('本年制发件数', '本年废止件数', '现行有效件数'),
  '规章',
  '0 0 2',
  '行政规范性文件',
  '3 1 17',
  '三、收到和处理政府信息公开申请情况',
  '申请人情况',
  ...header('自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'),
  '一、本年新收政府信息公开申请数量',
  '12 1 0 0 0 0 13',
  '二、上年结转政府信息公开申请数量',
  '2 0 0 0 0 0 2',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议',
  '行政诉讼',
  ...header('结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  '未经复议直接起诉',
  ...header('结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  '复议后起诉',
  ...header('结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  '1 0 0 0 1 0 0 0 0 0 0 0 0 1 1',
  '五、存在的主要问题及改进情况',
];

describe('wrapped two-character headers, a row of figures on one line', () => {
  it.each([
    ['one header fragment a line (flipbook)', wrapped],
    ['header fragments side by side (PDF by position)', wrappedSideBySide],
  ])('%s', (_name, header) => {
    const r = readReport(toLines(report(header).join('\n')));
    expect(r.format).toBe('new2021');
    expect(r.values).toMatchObject({
      's20_1.rules.made': 0,
      's20_1.rules.in_force': 2,
      's20_1.normative.made': 3,
      's20_1.normative.repealed': 1,
      's20_1.normative.in_force': 17,
      'apply.received.natural_person': 12,
      'apply.received.commercial': 1,
      'apply.received.total': 13,
      'apply.carried_in.total': 2,
      'review.upheld': 1,
      'review.total': 1,
      'litigation.direct.total': 0,
      'litigation.after_review.pending': 1,
      'litigation.after_review.total': 1,
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('a block of labels, then their figures on one line', () => {
  it("reads the figures row by row by the template's column count when they fit exactly", () => {
    const r = readReport([
      '某县2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章',
      '行政规范性文件',
      '1 0 4 3 1 17',
      '信息内容 本年处理决定数量',
      '行政许可',
      '其他对外管理服务事项',
      '447 12',
    ]);
    expect(r.values).toMatchObject({
      's20_1.rules.made': 1,
      's20_1.rules.repealed': 0,
      's20_1.rules.in_force': 4,
      's20_1.normative.made': 3,
      's20_1.normative.in_force': 17,
    });
  });

  it('gives a run that does not fit to the last row alone, as before, and invents nothing for the others', () => {
    const r = readReport([
      '某县2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章',
      '行政规范性文件',
      '3 1 17',
    ]);
    expect(r.values['s20_1.normative.made']).toBe(3);
    expect(r.values['s20_1.normative.in_force']).toBe(17);
    expect(r.values['s20_1.rules.made'] ?? null).toBeNull();
  });
});

describe('merged cells of a 第二十条 table (平潭 旅游与文化体育局 2019)', () => {
  it('a figure spanning two columns under a header spanning the same two is read once: 15 decisions, not 3', () => {
    const html = `<p>某局2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>
      <tr><td colspan="5">第二十条第（五）项</td></tr>
      <tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减量</td><td>处理决定数量</td></tr>
      <tr><td>行政许可</td><td>11</td><td colspan="2">3</td><td>15</td></tr>
      <tr><td>其他对外管理服务事项</td><td>0</td><td colspan="2">0</td><td>0</td></tr></table>`;
    const text = htmlToText(html);
    expect(text).toContain('行政许可\t11\t3\t15');
    const r = readReport(toLines(text));
    expect(r.format).toBe('new2019');
    expect(r.values).toMatchObject({
      's20_5.licensing.prev': 11,
      's20_5.licensing.change': 3,
      's20_5.licensing.decisions': 15,
    });
  });

  it('in text that kept the expanded spans, a figure written twice under the header written twice is read once', () => {
    const r = readReport([
      '某局2019年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（五）项',
      '信息内容 上一年项目数量 本年增/减量 本年增/减量 处理决定数量',
      '行政许可 11 3 3 15',
      // Printed once, its figures happen to repeat: three figures for three columns, read as printed.
      '其他对外管理服务事项 11 3 3',
    ]);
    expect(r.values).toMatchObject({
      's20_5.licensing.prev': 11,
      's20_5.licensing.change': 3,
      's20_5.licensing.decisions': 15,
      's20_5.other_services.prev': 11,
      's20_5.other_services.change': 3,
      's20_5.other_services.decisions': 3,
    });
  });
});
