/**
 * Tables in every shape met in the wild, cell values, detection of template/year/issuer, narrative figures,
 * and robustness on odd input.
 */
import { describe, expect, it } from 'vitest';
import { valueToken } from './cells.ts';
import { readReport } from './index.ts';
import { normalizeLabel } from './labels.ts';
import { scoreValues } from './score.ts';

const APPLY_COLS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'];
const row = (key: string, nums: (number | null)[]) =>
  Object.fromEntries(nums.map((n, i) => [`apply.${key}.${APPLY_COLS[i]}`, n]));

describe('cell values', () => {
  it.each([
    ['plain', '17', 17],
    ['with 条', '1132条', 1132],
    ['with 件', '8件', 8],
    ['with 个', '1个', 1],
    ['with 人次', '64人次', 64],
    ['thousands separators', '1,234', 1234],
    ['Chinese comma separators', '361，946', 361946],
    ['decimal', '7730.28', 7730.28],
    ['negative change', '-2', -2],
    ['full-width minus', '－8', -8],
  ])('%s: %s', (_name, text, value) => {
    expect(valueToken(text)).toMatchObject({ type: 'number', value });
  });

  it.each([['——'], ['-'], ['/'], ['—'], [''], ['  '], ['／']])('blank %j', (text) => {
    expect(valueToken(text)).toEqual({ type: 'blank' });
  });

  it('words are not a number', () => {
    expect(valueToken('列入财政预算')).toBeUndefined();
  });
});

describe('labels', () => {
  it.each([
    ['（一）收到申请数', '收到申请数'],
    ['(一)收到申请数', '收到申请数'],
    ['1.当面申请数', '当面申请数'],
    ['1、当面申请数', '当面申请数'],
    ['其中：主动公开规范性文件数', '主动公开规范性文件数'],
    ['四、行政复议数量', '行政复议数量'],
  ])('%s', (label, norm) => expect(normalizeLabel(label)).toBe(norm));
});

const NEW_HEAD = ['东城区人民政府2020年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况'];

describe('new2019 tables', () => {
  it('tab rows (HTML): blanks null, negative change, 元 converted, missing trailing cells warned', () => {
    const r = readReport([
      ...NEW_HEAD,
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '规范性文件\t1\t\t3',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t12\t-2\t300',
      '其他对外管理服务事项\t5\t1',
      '第二十条第（九）项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t3\t251000元',
    ]);
    expect(r.format).toBe('new2019');
    expect(r.year).toBe(2020);
    expect(r.issuer).toBe('东城区人民政府');
    expect(r.values).toMatchObject({
      's20_1.normative.produced': 1,
      's20_1.normative.published': null,
      's20_1.normative.total': 3,
      's20_5.licensing.change': -2,
      's20_5.other_services.prev': 5,
      's20_5.other_services.change': 1,
      's20_5.other_services.decisions': null,
      's20_9.procurement.amount': 25.1,
    });
    expect(r.warnings).toContain('row 其他对外管理服务事项: 2 cells read, 3 expected');
    expect(r.provenance['s20_5.licensing.change']).toEqual({ line: 10, text: '-2' });
  });

  it('a 元 unit in the amount column header converts to 万元; 万元 in the cell stays', () => {
    const base = [
      '东城区人民政府2019年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '第二十条第（九）项',
    ];
    const one = readReport([...base, '信息内容\t采购项目数量\t采购总金额（元）', '政府集中采购\t3\t251000']);
    expect(one.values['s20_9.procurement.amount']).toBe(25.1);
    const lines = readReport([
      ...base,
      '信息内容',
      '采购项目数量',
      '采购总金额',
      '（单位：元）',
      '政府集中采购',
      '3',
      '1,000,000',
    ]);
    expect(lines.values['s20_9.procurement.amount']).toBe(100);
    const wan = readReport([...base, '信息内容\t采购项目数量\t采购总金额', '政府集中采购\t3\t25.1万元']);
    expect(wan.values['s20_9.procurement.amount']).toBe(25.1);
    const bare = readReport([...base, '信息内容\t采购项目数量\t采购总金额', '政府集中采购\t3\t1200']);
    expect(bare.values['s20_9.procurement.amount']).toBe(1200);
  });

  it('one cell per line, rows out of order, section 四 as fifteen lines', () => {
    const r = readReport([
      ...NEW_HEAD,
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '商业',
      '企业',
      '总计',
      '二、上年结转政府信息公开申请数量',
      ...['0', '0', '0', '0', '0', '0', '0'],
      '一、本年新收政府信息公开申请数量',
      ...['5', '1', '0', '0', '0', '0', '6'],
      '（六）其他处理',
      ...['1', '-', '', '0', '0', '0', '1'],
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
      '结果维持',
      ...Array.from({ length: 15 }, (_, i) => String(i % 3)),
      '五、存在的主要问题及改进情况',
      '无。',
    ]);
    expect(r.values).toMatchObject({
      ...row('received', [5, 1, 0, 0, 0, 0, 6]),
      ...row('carried_in', [0, 0, 0, 0, 0, 0, 0]),
      'review.upheld': 0,
      'review.corrected': 1,
      'litigation.after_review.total': 2,
    });
    expect(r.values['apply.other.natural_person']).toBe(1);
    expect(r.values['apply.other.commercial']).toBeNull();
  });

  it('a 2020 report on the 2019 table is new2019; from its labels, not its year', () => {
    const r = readReport([
      '平阳县人民政府2021年政府信息公开工作年度报告',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t1\t0\t2',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
    ]);
    expect(r.format).toBe('new2019');
    expect(r.year).toBe(2021);
  });
});

describe('new2021 tables', () => {
  it('pipe rows; 其他处理 as three rows; 规章 cells printed /', () => {
    const r = readReport([
      '杭州市统计局2022年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | / | / | / |',
      '| 行政规范性文件 | 1,234 | 0 | 5 |',
      '| 信息内容 | 本年收费金额（单位：万元） |',
      '| 行政事业性收费 | 12.5 |',
      '三、收到和处理政府信息公开申请情况',
      '| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '| （六）其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| （六）其他处理 | 3.其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ]);
    expect(r.format).toBe('new2021');
    expect(r.year).toBe(2022);
    expect(r.values).toMatchObject({
      's20_1.rules.made': null,
      's20_1.rules.in_force': null,
      's20_1.normative.made': 1234,
      's20_8.fees.amount': 12.5,
      'apply.other.no_correction.natural_person': 1,
      'apply.other.fee_unpaid.total': 0,
      'apply.other.other.natural_person': 2,
    });
    expect(r.values).not.toHaveProperty('apply.other.natural_person');
  });

  it('HTML rows with merged cells repeated (rowspan/colspan expanded)', () => {
    const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const r = readReport([
      '滨江区人民政府2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '三、收到和处理政府信息公开申请情况',
      `${note}\t${note}\t${note}\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况`,
      `${note}\t${note}\t${note}\t自然人\t法人或其他组织\t法人或其他组织\t法人或其他组织\t法人或其他组织\t法人或其他组织\t总计`,
      `${note}\t${note}\t${note}\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计`,
      '一、本年新收政府信息公开申请数量\t一、本年新收政府信息公开申请数量\t一、本年新收政府信息公开申请数量\t9\t1\t0\t0\t0\t0\t10',
      '三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
      '三、本年度办理结果\t（三）不予公开\t2.其他法律行政法规禁止公开\t1\t\t\t\t\t\t1',
      '三、本年度办理结果\t（六）其他处理\t1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2',
      '三、本年度办理结果\t（六）其他处理\t3.其他\t0\t0\t0\t0\t0\t0\t0',
      '三、本年度办理结果\t（七）总计\t（七）总计\t9\t1\t0\t0\t0\t0\t10',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政复议\t行政复议\t行政复议\t行政复议\t行政诉讼\t行政诉讼',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
      '2\t0\t0\t1\t3\t1\t0\t0\t0\t1\t/\t/\t/\t/\t/',
    ]);
    expect(r.format).toBe('new2021');
    expect(r.values).toMatchObject({
      ...row('received', [9, 1, 0, 0, 0, 0, 10]),
      ...row('withheld.state_secret', [0, 0, 0, 0, 0, 0, 0]),
      ...row('withheld.law_prohibited', [1, null, null, null, null, null, 1]),
      ...row('other.no_correction', [2, 0, 0, 0, 0, 0, 2]),
      ...row('other.other', [0, 0, 0, 0, 0, 0, 0]),
      ...row('total', [9, 1, 0, 0, 0, 0, 10]),
      'review.pending': 1,
      'review.total': 3,
      'litigation.direct.total': 1,
      'litigation.after_review.upheld': null,
      'litigation.after_review.total': null,
    });
    expect(r.warnings).toEqual([]);
  });

  it('其他处理 as one row in a 2021 report is keyed apply.other.*', () => {
    const r = readReport([
      '新塘镇人民政府2021年政府信息公开工作年度报告',
      '第二十条第（一）项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 0 0 0',
      '三、收到和处理政府信息公开申请情况',
      '（六）其他处理 3 0 0 0 0 0 3',
      '（七）总计 3 0 0 0 0 0 3',
    ]);
    expect(r.format).toBe('new2021');
    expect(r.values).toMatchObject({ ...row('other', [3, 0, 0, 0, 0, 0, 3]), ...row('total', [3, 0, 0, 0, 0, 0, 3]) });
  });

  it('a subtotal column (法人或其他组织 小计) added by some software is dropped', () => {
    const r = readReport([
      '西湖区人民政府2022年政府信息公开工作年度报告',
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '自然人\t法人或其他组织\t总计',
      '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计',
      '一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t2\t0\t3\t7',
    ]);
    expect(r.values).toMatchObject(row('received', [4, 1, 0, 0, 2, 0, 7]));
    expect(r.values).not.toHaveProperty('apply.received.subtotal');
  });
});

describe('old2008 table', () => {
  it('space-aligned text with 单位 column, 1、 numbering, 元 → 万元, words kept', () => {
    const r = readReport([
      '某某县政府信息公开情况统计表（2015年度）',
      '统 计 指 标   单位   统计数',
      '（一）主动公开政府信息数    条    1,132',
      '其中：主动公开规范性文件数   条   —',
      '（一）收到申请数   件   8',
      '1、当面申请数  件  2',
      '七、依申请公开信息收取的费用   万元   0.5',
      '（四）政府信息公开专项经费  元  50000',
      '（三）接受培训人员数 人次 64人次',
    ]);
    expect(r.format).toBe('old2008');
    expect(r.year).toBe(2015);
    expect(r.values).toEqual({
      'proactive.total': 1132,
      'proactive.normative_docs': null,
      'apply.received': 8,
      'apply.received.in_person': 2,
      fees: 0.5,
      'org.budget': 5,
      'training.trainees': 64,
    });
  });

  it('a 元 unit in the row label converts to 万元', () => {
    const r = readReport([
      '统计指标\t单位\t统计数',
      '（一）收到申请数\t件\t3',
      '七、依申请公开信息收取的费用（元）\t\t200',
    ]);
    expect(r.values.fees).toBe(0.02);
  });

  it('a row whose value is words', () => {
    const r = readReport([
      '统计指标\t单位\t统计数',
      '（一）收到申请数\t件\t3',
      '（四）政府信息公开专项经费\t万元\t列入财政预算',
    ]);
    expect(r.values['org.budget']).toBe('列入财政预算');
  });
});

describe('template, year and issuer', () => {
  it.each([
    ['title before the year', ['婺源县2018年政府信息公开年度报告'], 2018, '婺源县人民政府'],
    ['year in Chinese numerals', ['长兴县人民政府二〇一九年政府信息公开工作年度报告'], 2019, '长兴县人民政府'],
    ['year before the name', ['2019年度宁波市人民政府政府信息公开工作年度报告'], 2019, '宁波市人民政府'],
    ['a 街道 gets 办事处', ['新华街道2022年政府信息公开工作年度报告'], 2022, '新华街道办事处'],
    [
      'a fuller name printed with the year',
      [
        '高坪区人民政府办公室2019年政府信息公开工作年度报告',
        '现公布《南充市高坪区人民政府办公室2019年政府信息公开工作年度报告》。',
      ],
      2019,
      '南充市高坪区人民政府办公室',
    ],
    [
      'no name in the title: the government the text names',
      ['2018年度政府信息公开年度报告', '2018年，六横镇人民政府积极落实工作要点。'],
      2018,
      '六横镇人民政府',
    ],
    ['a lost place name is no issuer', ['ＸＸ乡人民政府2016年政府信息公开工作年度报告'], 2016, null],
    ['damaged period dates', ['本年报所列数据的统计期限为20181月1日起至201812月31日止。'], 2018, null],
  ])('%s', (_name, lines, year, issuer) => {
    const r = readReport(lines);
    expect(r.year).toBe(year);
    expect(r.issuer).toBe(issuer);
    expect(r.format).toBe(year <= 2018 ? 'old2008' : year <= 2020 ? 'new2019' : 'new2021');
    expect(r.hasTable).toBe(false);
  });
});

describe('narrative-only reports', () => {
  it('old2008 figures from sentences', () => {
    const r = readReport([
      '城关乡人民政府2016年政府信息公开工作年度报告',
      '2016年，全乡主动公开政府信息85条。',
      '我乡未收到政府信息公开申请。未收取任何费用。未发生因政府信息公开申请行政复议、提起行政诉讼的情况。',
    ]);
    expect(r).toMatchObject({ format: 'old2008', hasTable: false, year: 2016, issuer: '城关乡人民政府' });
    expect(r.values).toEqual({
      'proactive.total': 85,
      'apply.received': 0,
      fees: 0,
      'review.total': 0,
      'litigation.total': 0,
    });
    expect(r.provenance['proactive.total'].line).toBe(2);
  });

  it('new template: 未收到 → apply.received.total 0', () => {
    const r = readReport(['西湖区人民政府2022年政府信息公开工作年度报告', '本年度未收到政府信息公开申请。']);
    expect(r).toMatchObject({ format: 'new2021', hasTable: false, year: 2022 });
    expect(r.values['apply.received.total']).toBe(0);
    expect(r.statements).toEqual([]);
  });
});

describe('statements', () => {
  it('with a table, sentences are statements, not values', () => {
    const r = readReport([
      '城关镇人民政府2016年政府信息公开工作年度报告',
      '全年共收到政府信息公开申请12件，未收取任何费用。',
      '统计指标\t单位\t统计数',
      '（一）收到申请数\t件\t10',
    ]);
    expect(r.hasTable).toBe(true);
    expect(r.values).toEqual({ 'apply.received': 10 });
    expect(r.statements).toEqual([
      { key: 'apply.received', value: 12, line: 2, text: '收到政府信息公开申请12件' },
      expect.objectContaining({ key: 'fees', value: 0, line: 2 }),
    ]);
  });

  it('table labels are not sentences: 无正当理由… near 行政复议 states nothing', () => {
    const r = readReport([
      '城关镇人民政府2020年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
      '4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼',
      '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
    ]);
    expect(r.statements).toEqual([]);
    expect(r.values['review.total']).toBe(1);
  });
});

describe('scoreValues', () => {
  it('a blank read as 0 is wrong and invented; extra and missing keys counted', () => {
    expect(scoreValues({ a: null, b: 1, c: 'x', d: 2.5 }, { a: 0, b: 1, c: 'x', e: 3 })).toEqual({
      right: 2,
      wrong: 1,
      missing: 1,
      extra: 1,
      invented: 2,
      total: 4,
    });
  });
});

describe('robustness', () => {
  it.each([
    ['empty', []],
    ['blank lines', ['', ' ', '\t\t']],
    ['control characters', ['\u0000\u0001'.repeat(100_000)]],
    ['a megabyte line', ['a'.repeat(1_000_000)]],
    ['a line of numbers', ['1 '.repeat(500_000)]],
    ['a line of tabs', ['\t'.repeat(500_000)]],
    ['repeated label-like text', ['（一）（二）（三）1.2.3.其中：'.repeat(50_000)]],
    ['unclosed brackets and digits', ['（2019'.repeat(100_000), `20${'1'.repeat(200_000)}年`]],
    ['many short lines', Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '0' : '收到申请数'))],
    ['not strings', [null, undefined, 3] as unknown as string[]],
  ])('%s: no throw (its time is measured in bench/fuzz.bench.ts)', (_name, lines) => {
    const r = readReport(lines as string[]);
    expect(typeof r.hasTable).toBe('boolean');
    expect(Array.isArray(r.warnings)).toBe(true);
  });

  it('not an array', () => {
    expect(readReport(undefined as unknown as string[]).hasTable).toBe(false);
  });
});
