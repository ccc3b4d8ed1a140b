import { describe, expect, it } from 'vitest';
import type { ExtractionOutput } from './pipeline.ts';
import { MAX_PASSES, previousLinks, readAsSeries } from './series.ts';

const report = (issuer: string | null, year: number | null, variant?: string) => ({ issuer, year, variant });

describe('a body’s reports of consecutive years', () => {
  it('links each variant report to the same body’s report of the year before, earliest first', () => {
    const outputs = [
      report('平潭县人民政府', 2013, 'fujian2008'),
      report('平潭综合实验区管委会', 2015, 'fujian2008'),
      report('平潭县人民政府', 2012, 'fujian2008'),
      report('平潭综合实验区管委会', 2014, 'fujian2008'),
      report('平潭县人民政府', 2011, 'fujian2008'),
    ];
    expect(previousLinks(outputs)).toEqual([
      { index: 2, previous: 4 },
      { index: 0, previous: 2 },
      { index: 1, previous: 3 },
    ]);
  });

  it('national tables link too (section 二 lends 上一年项目数量); none across bodies, a missing year, a variant and a national table, or where a year has two reports', () => {
    expect(previousLinks([report('甲', 2020), report('甲', 2019)])).toEqual([{ index: 0, previous: 1 }]);
    expect(previousLinks([report('甲', 2012, 'fujian2008'), report('乙', 2011, 'fujian2008')])).toEqual([]);
    expect(previousLinks([report('甲', 2013, 'fujian2008'), report('甲', 2011, 'fujian2008')])).toEqual([]);
    expect(previousLinks([report('甲', 2012, 'fujian2008'), report('甲', 2011)])).toEqual([]);
    expect(
      previousLinks([
        report('甲', 2012, 'fujian2008'),
        report('甲', 2011, 'fujian2008'),
        report('甲', 2011, 'fujian2008'),
      ]),
    ).toEqual([]);
    expect(previousLinks([report(null, 2012, 'fujian2008'), report(null, 2011, 'fujian2008')])).toEqual([]);
  });

  it('reads again, with the reports either side, each report with a row left out, while a pass changes anything', async () => {
    const leftOut = {
      variantCandidates: {
        主动公开信息数: [
          [1, 2],
          [12, 12],
        ],
      },
    };
    const outputs = [
      { ...report('甲', 2013, 'v'), source: '2013', values: {}, ...leftOut },
      { ...report('甲', 2011, 'v'), source: '2011', values: {} }, // nothing left out: lends, is not read again
      { ...report('甲', 2012, 'v'), source: '2012', values: {}, ...leftOut },
    ] as unknown as ExtractionOutput[];
    const calls: string[] = [];
    await readAsSeries(outputs, async (index, { previous, following }) => {
      const self = outputs[index];
      calls.push(`${previous?.source ?? '-'}<${self.source}>${following?.source ?? '-'}`);
      // The first pass decides a value in 2012; the second changes nothing, so the reading ends.
      const values: Record<string, number> = self.year === 2012 ? { 'proactive.total': 1 } : {};
      return { ...self, values };
    });
    expect(calls).toEqual(['2011<2012>2013', '2012<2013>-', '2011<2012>2013', '2012<2013>-']);
  });

  it('stops after MAX_PASSES passes even if every reading changes something', async () => {
    const outputs = [2011, 2012].map((year) => ({
      ...report('甲', year, 'v'),
      values: {},
      variantCandidates: { 主动公开信息数: [[1, 2]] },
    })) as unknown as ExtractionOutput[];
    let readings = 0;
    await readAsSeries(outputs, async (index) => ({ ...outputs[index], values: { n: ++readings } }));
    expect(readings).toBe(MAX_PASSES * 2);
  });
});
