/**
 * Issue #16: the Fujian variant of the old table (指标名称 | 计量单位 | YYYY年度 | 历年累计), read from the
 * real reports of 平潭综合实验区 (a crawler's text: the whole report on one line after a breadcrumb) and from
 * the same table in the layouts other renderings leave.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../report/check.ts';
import { fixturesDir, realDir, realGoldDir } from '../../testing/paths.ts';
import { extractFile } from '../pipeline.ts';
import { toLines } from '../repair/index.ts';
import { readReport } from './index.ts';
import { allowedCuts, cuts } from './run-together.ts';
import { findStatements } from './sentences.ts';

interface Gold {
  format: string;
  year: number;
  issuer: string;
  values: Record<string, number>;
  violations: string[];
}
const gold = (name: string) => JSON.parse(readFileSync(join(realGoldDir, `${name}.json`), 'utf8')) as Gold;

/** The 2014 table as the crawler printed it: one line of cells separated by spaces. */
const table2014 = () => {
  const text = readFileSync(join(realDir, 'pingtan-2014.txt'), 'utf8');
  return text.slice(text.indexOf('指标名称'), text.indexOf('附件下载')).trim();
};

describe('the Fujian variant on real reports: every gold value, nothing invented, issuer, no false finding', () => {
  it.each(['pingtan-2011', 'pingtan-2014'])('%s', async (name) => {
    const g = gold(name);
    const out = await extractFile(join(realDir, `${name}.txt`));
    expect(out.variant).toBe('fujian2008');
    expect(out.format).toBe(g.format);
    expect(out.year).toBe(g.year);
    // The title names 平潭综合实验区 (2011) or carries the crawler's `标题:` (2014): a 管委会, no invented 人民政府.
    expect(out.issuer).toBe(g.issuer);
    expect(out.values).toEqual(g.values);
    expect(out.findings.map((f) => f.rule)).toEqual(g.violations);
  });

  it('names the rows it leaves out, and why', async () => {
    const out = await extractFile(join(realDir, 'pingtan-2014.txt'));
    expect(out.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('「3、信函、传真申请数」：信函与传真合为一行'),
        expect.stringContaining('「政府信息公开收费减免金额」：减免金额不是收取的费用'),
      ]),
    );
  });

  it('the merged 信函、传真 row suspends only the channel sum: the same values in the national table fail it', () => {
    const g = gold('pingtan-2014');
    const national = check({ format: 'old2008', year: 2014, issuer: g.issuer, values: g.values });
    expect(national.map((f) => f.rule)).toEqual(['old.apply.received_sum']);
  });
});

describe('the same table in the layouts renderings leave', () => {
  const head = ['平潭综合实验区管委会2014年度政府信息公开工作年度报告'];
  const expected = gold('pingtan-2014').values;
  it.each([
    ['one line (archive text)', () => [head[0] + table2014()]],
    ['one cell per line (flattened table cells)', () => [...head, ...table2014().split(' ')]],
    ['cells between stray | separators', () => [...head, `| ${table2014().split(' ').join(' | ')} |`]],
    [
      'a row per line, tab separated',
      () => [
        ...head,
        ...table2014()
          .replace(/ (?=[^\d\s条件元])/g, '\n')
          .split('\n'),
      ],
    ],
  ])('%s', (_name, lines) => {
    const r = readReport(toLines(lines().join('\n')));
    expect(r.variant).toBe('fujian2008');
    expect(r.values).toEqual(expected);
  });

  it('cells run together are split where the arithmetic leaves one cut (the whole is never below its parts)', () => {
    // 2543 | 78967 is the only cut with the total at least 政府网站公开数 (2543 | 78967) and 历年累计 ≥ 本年度.
    const text = table2014().replace('主动公开文件数 条 2543 78967', '主动公开文件数条254378967');
    const r = readReport(toLines(`${head[0]}\n${text}`));
    expect(r.values['proactive.total']).toBe(2543);
    expect(r.values['proactive.website']).toBe(2543);
    expect(r.warnings.join('\n')).toContain(
      '「主动公开文件数条254378967」：单位与各列数字连在一起，按本表算术关系唯一拆分为 2543 | 78967',
    );
  });

  it('a unit cell followed by one run of figures is split the same way (a part is never above its whole)', () => {
    const text = table2014().replace('1、政府网站公开数 条 2543 78967', '1、政府网站公开数 条 254378967');
    const r = readReport(toLines(`${head[0]}\n${text}`));
    expect(r.values['proactive.website']).toBe(2543);
    expect(r.values['apply.received']).toBe(1); // the rows after it still read
  });

  it('cells run together are left out and named when more than one cut fits, never split by guessing', () => {
    // 20 | 263542, 202 | 63542 and 2026 | 3542 all fit: no part is printed to bound the whole.
    const text = table2014()
      .replace('主动公开文件数 条 2543 78967', '主动公开文件数条20263542')
      .replace(/其中：1、政府网站公开数 条 2543 78967 2、政府公报公开数 条 0 0 /, '');
    const r = readReport(toLines(`${head[0]}\n${text}`));
    expect(r.values['proactive.total']).toBeUndefined();
    expect(r.values['apply.received']).toBe(1);
    expect(r.warnings.join('\n')).toContain(
      '「主动公开文件数条20263542」：单位与各列数字连在一起，无法确定分隔位置（3 种拆分与本表算术相符），未读取',
    );
  });
});

describe("cutting a run of digits into a row's figures", () => {
  it('lists every cut as a table prints figures (no leading zero but a lone 0)', () => {
    expect(cuts('20263542', 2)).toHaveLength(6); // 2 | 0263542 is no printed figure
    expect(cuts('100', 2)).toEqual([[10, 0]]); // 1 | 00 is no printed figure
    expect(cuts('000', 3)).toEqual([[0, 0, 0]]);
    expect(cuts('12.5', 2)).toEqual([]);
  });

  it('keeps the cuts the arithmetic allows', () => {
    expect(allowedCuts('20263542', 2, { neverBelow: [[1, 0]] })).toEqual([
      [20, 263542],
      [202, 63542],
      [2026, 3542],
    ]);
    expect(allowedCuts('20263542', 2, { neverBelow: [[1, 0]], atLeast: [2000, 3500] })).toEqual([[2026, 3542]]);
    expect(allowedCuts('20263542', 2, { neverBelow: [[1, 0]], atMost: [100, undefined] })).toEqual([[20, 263542]]);
  });
});

describe('narrative figures', () => {
  it.each([
    [
      'a part of the whole is not the whole (其中 / 各乡镇 / 占)',
      '2014年主动公开政府信息2543条。其中，区直各部门主动公开政府信息1687条，占66%。各乡镇主动公开政府信息856条，占34%。',
      [['proactive.total', 2543]],
    ],
    [
      '行政复议0件',
      '本年度行政复议0件，行政诉讼0件。',
      [
        ['review.total', 0],
        ['litigation.total', 0],
      ],
    ],
    [
      '共收到…申请21条，其中当面申请18条',
      '全年共收到各类政府信息公开申请21条，其中当面申请18条。',
      // The whole, and the part as its own row of the old table (1.当面申请数).
      [
        ['apply.received', 21],
        ['apply.received.in_person', 18],
      ],
    ],
    [
      '专职人员1人，兼职人员3人',
      '我局明确专人负责政府信息公开工作，其中专职人员1人，兼职人员3人。',
      [
        ['org.staff.full_time', 1],
        ['org.staff.part_time', 3],
      ],
    ],
    [
      '网上申请 and 信函申请 as parts',
      '全年受理依申请公开12件，其中网上申请9件，信函申请3件。',
      [
        ['apply.received', 12],
        ['apply.received.online', 9],
        ['apply.received.letter', 3],
      ],
    ],
  ] as [string, string, [string, number][]][])('%s', (_name, sentence, stated) => {
    expect(findStatements([sentence], 'old2008').map((s) => [s.key, s.value])).toEqual(stated);
  });
});

describe('page furniture', () => {
  it('a long line that starts with the breadcrumb is the report, not furniture', () => {
    const line = `当前位置： 首页 政府信息公开年报 ${'报告正文'.repeat(100)}`;
    expect(toLines(line)).toEqual([line]);
    expect(toLines('当前位置： 首页 > 政务公开')).toEqual(['']);
  });
});

describe('a variant whose cells run together', () => {
  // 平潭县 2012 (fixtures/real-corpus): `主动公开信息数条20263542…3.电子邮件申请数条33…` — no row can be read.
  const lines = toLines(
    '三、依申请公开 2012年全县共收到有关政府信息公开的申请21条，其中当面申请数18条，电子邮件申请数3条。 附件1：平潭县人民政府2012年政府信息公开情况统计表 指标名称计量单位2012年度历年累计主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条003.电子邮件申请数条33',
  );

  it('keeps the rules its merged rows suspend, so the narrative figures raise no false finding', () => {
    const read = readReport(lines);
    expect(read.variant).toBe('fujian2008');
    expect(read.suspendedRules).toContain('old.apply.received_sum');
    expect(read.values['apply.received']).toBe(21);
    expect(read.values['apply.received.in_person']).toBe(18);
    const findings = check(
      { format: read.format, year: read.year ?? 0, issuer: read.issuer ?? '', values: read.values },
      { statements: read.statements, skipRules: read.suspendedRules },
    );
    expect(findings.map((f) => f.rule)).not.toContain('old.apply.received_sum');
  });
});

describe('a variant row printing fewer numbers than columns', () => {
  // 平潭综合实验区 2013 (fixtures/real-corpus): `2、政府公报公开 条 0 受理依申请公开信息总数 条 0 0 …`.
  it('leaves that row out, named, and reads the rows after it', () => {
    const read = readReport(
      toLines(
        '平潭综合实验区2013年政府信息公开工作年度报告 统计表 指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 72804 76424 其中：1、网站公开 条 72804 76424 2、政府公报公开 条 0 受理依申请公开信息总数 条 0 0 其中：1、当面申请数 条 0 0 行政复议数 件 0 0',
      ),
    );
    expect(read.values['proactive.total']).toBe(72804);
    expect(read.values).not.toHaveProperty('proactive.gazette');
    expect(read.values['apply.received']).toBe(0);
    expect(read.values['review.total']).toBe(0);
    expect(read.warnings.some((w) => w.includes('政府公报公开'))).toBe(true);
  });
});

describe('a variant table whose rows all run together in one cell (平潭 2015–2018, 平潭县 2011–2013)', () => {
  const corpus = (name: string) => join(fixturesDir, 'real-corpus', `${name}.txt`);
  const corpusGold = (name: string) =>
    JSON.parse(readFileSync(join(fixturesDir, 'real-corpus', 'gold', `${name}.json`), 'utf8')) as Gold;

  it('reads every row the arithmetic cuts alone, and leaves the running totals it cannot cut out, named', async () => {
    const out = await extractFile(corpus('pingtan-2015'));
    const { 'proactive.total': _total, 'proactive.website': _website, ...rest } = corpusGold('pingtan-2015').values;
    expect(out.values).toEqual(rest);
    expect(out.warnings.join('\n')).toContain(
      '「主动公开文件数条294981916」：单位与各列数字连在一起，无法确定分隔位置',
    );
  });

  it("cuts them with the same body's report of the year before: last year's 历年累计 plus this year's", async () => {
    const previous = await extractFile(join(realDir, 'pingtan-2014.txt'));
    expect(previous.variantFigures?.主动公开信息数).toEqual([2543, 78967]);
    const out = await extractFile(corpus('pingtan-2015'), { previous });
    expect(out.values).toEqual(corpusGold('pingtan-2015').values);
    expect(out.warnings.join('\n')).toContain(
      '「主动公开文件数条294981916」：单位与各列数字连在一起，按上一年度（2014年）报告的历年累计 78967 加本年度唯一拆分为 2949 | 81916',
    );
    expect(out.provenance['proactive.total'].text).toContain('按上一年度（2014年）历年累计拆分');
    expect(out.provenance['apply.received'].text).not.toContain('上一年度'); // split by its own arithmetic
  });

  it("does not use a report that is not the body's year before", async () => {
    const previous = await extractFile(join(realDir, 'pingtan-2014.txt'));
    const wrongYear = await extractFile(corpus('pingtan-2016'), { previous });
    expect(wrongYear.values).not.toHaveProperty('proactive.total');
    expect(wrongYear.warnings.join('\n')).toContain('上一年度报告未使用：其年份为2014年，本表为2016年度');
    const otherBody = await extractFile(corpus('pingtan-2015'), {
      previous: { ...previous, issuer: '平潭县人民政府' },
    });
    expect(otherBody.values).not.toHaveProperty('proactive.total');
    expect(otherBody.warnings.join('\n')).toContain('上一年度报告未使用：发布机关不同（平潭县人民政府）');
  });

  it('a running total that restarted (平潭 2017: 10037, not 85376 + 2122) decides nothing: left out', async () => {
    const previous = await extractFile(corpus('pingtan-2016'), {
      previous: await extractFile(corpus('pingtan-2015'), {
        previous: await extractFile(join(realDir, 'pingtan-2014.txt')),
      }),
    });
    expect(previous.variantFigures?.主动公开信息数).toEqual([3460, 85376]);
    const out = await extractFile(corpus('pingtan-2017'), { previous });
    expect(out.values).not.toHaveProperty('proactive.total');
    expect(out.warnings.join('\n')).toContain('与相邻年度历年累计相符的拆分 0 种');
  });

  it('a restarted total is cut by the year after instead (平潭 2018: 12106 − 2069 = 10037), and both say so', async () => {
    const following = await extractFile(corpus('pingtan-2018'));
    expect(following.variantCandidates?.主动公开信息数).toContainEqual([2069, 12106]);
    const out = await extractFile(corpus('pingtan-2017'), { following });
    expect(out.values).toEqual(corpusGold('pingtan-2017').values);
    expect(out.warnings.join('\n')).toContain('按下一年度（2018年）报告的历年累计唯一拆分为 2122 | 10037');
    expect(out.provenance['proactive.total'].text).toContain('按下一年度（2018年）历年累计拆分');
  });

  it("years that cut nothing alone cut one another: a neighbour's candidate cuts narrow this year's (平潭县 2011–2013)", async () => {
    const alone = await Promise.all(['2011', '2012', '2013'].map((y) => extractFile(corpus(`pingtan-county-${y}`))));
    for (const out of alone) expect(out.values).not.toHaveProperty('proactive.total');
    const [y2011, y2012, y2013] = alone;
    // 2012's 历年累计 less its year is 2011's total: of 2012's three cuts, only 3542 − 2026 = 1516 is one of 2011's.
    const middle = await extractFile(corpus('pingtan-county-2012'), { previous: y2011, following: y2013 });
    expect(middle.values['proactive.total']).toBe(2026);
    expect(middle.values['proactive.website']).toBe(1795);
    expect(middle.warnings.join('\n')).toContain(
      '按上一年度（2011年）、下一年度（2013年）报告的历年累计唯一拆分为 2026 | 3542',
    );
    const first = await extractFile(corpus('pingtan-county-2011'), { following: middle });
    expect(first.values).toEqual(corpusGold('pingtan-county-2011').values);
    const last = await extractFile(corpus('pingtan-county-2013'), { previous: middle });
    expect(last.values).toEqual(corpusGold('pingtan-county-2013').values);
    expect(y2012.variantCandidates?.主动公开信息数).toEqual([
      [20, 263542],
      [202, 63542],
      [2026, 3542],
    ]);
  });

  it('the table read, the narrative’s differing figures do not stand in for it (平潭县 2013: 网上 4, not the narrative’s 3)', async () => {
    // Regression: with the table unread, 网上申请数3条，信函申请数4条 of the narrative were taken as values.
    const out = await extractFile(corpus('pingtan-county-2013'));
    expect(out.values['apply.received.online']).toBe(4);
    expect(out.values['apply.received.letter']).toBe(0);
    expect(out.findings.map((f) => f.rule)).toContain('text.table_mismatch');
  });

  it("a run not told apart from the next row's number is left out, with that row, never read", () => {
    const r = readReport(
      toLines(
        '平潭县人民政府2012年政府信息公开工作年度报告 指标名称计量单位2012年度历年累计受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条0074.网上申请数条00行政复议数条00',
      ),
    );
    expect(r.values).not.toHaveProperty('apply.received.fax');
    expect(r.values).not.toHaveProperty('apply.received.online');
    expect(r.values['review.total']).toBe(0);
  });

  it('channels that overlap bound the whole each, not by their sum (an item on the website and in the gazette counts once)', () => {
    // 10 | 20 is the one cut of 主动公开信息数; website 8 and gazette 5 add up to more, as overlapping channels may.
    const r = readReport(
      toLines(
        '某县人民政府2012年政府信息公开工作年度报告 指标名称计量单位2012年度历年累计主动公开信息数条1020其中：1.网站公开条8182.政府公报公开条55受理依申请公开信息总数条00',
      ),
    );
    expect(r.values['proactive.total']).toBe(10);
    expect(r.values['proactive.website']).toBe(8);
    expect(r.values['proactive.gazette']).toBe(5);
  });
});
