import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../testing/paths.ts';
import { extractFile } from '../pipeline.ts';
import { readingsByYears, readingsOf } from './section-two-years.ts';

const corpus = (name: string) => join(fixturesDir, 'real-corpus', `${name}.txt`);
const gold = (name: string) =>
  JSON.parse(readFileSync(join(fixturesDir, 'real-corpus', 'gold', `${name}.json`), 'utf8')) as {
    values: Record<string, number>;
  };

describe('section 二 rows of 上一年项目数量 against the years either side', () => {
  it('reads a run every way a table prints it, a sign parting 上一年项目数量 from a change of that sign', () => {
    expect(readingsOf('350', 2)).toEqual([
      [3, 50],
      [35, 0],
    ]);
    expect(readingsOf('2648-18538', 3)).toEqual([
      [2648, -1, 8538],
      [2648, -18, 538],
      [2648, -185, 38],
      [2648, -1853, 8],
    ]);
    expect(readingsOf('20+1737', 3)).toContainEqual([20, 17, 37]);
    expect(readingsOf('12.5', 2)).toEqual([]);
    expect(readingsOf('1'.repeat(30), 3)).toEqual([]); // a hostile run is not read every way
  });

  it("keeps the readings whose 上一年项目数量 + 本年增/减 is next year's 上一年项目数量, or whose 上一年项目数量 is last year's sum", () => {
    const readings = readingsOf('3960181', 3); // 平潭 2019 行政许可
    const following = { year: 2020, values: { 's20_5.licensing.prev': 396 } };
    expect(readingsByYears(readings, 's20_5.licensing', { following })).toEqual({
      cuts: [[396, 0, 181]],
      by: ['following'],
    });
    const previous = { year: 2018, values: { 's20_5.licensing.prev': 390, 's20_5.licensing.change': 6 } };
    expect(readingsByYears(readings, 's20_5.licensing', { previous })?.cuts).toEqual([[396, 0, 181]]);
    // Next year's row left out too: each of its readings' 上一年项目数量 is tried.
    const undecided = { year: 2020, values: {}, candidates: { 's20_5.licensing': readingsOf('396442278', 3) } };
    expect(readingsByYears(readings, 's20_5.licensing', { following: undecided })?.cuts).toEqual([[396, 0, 181]]);
  });

  it('two readings that fit leave the row out (平潭 2019 行政强制: 126 | 0 | 25 and 1260 | 2 | 5 both fit 2020)', () => {
    const following = { year: 2020, values: {}, candidates: { 's20_6.coercion': readingsOf('1262629', 3) } };
    expect(readingsByYears(readingsOf('126025', 3), 's20_6.coercion', { following })?.cuts).toHaveLength(2);
  });

  it('a neighbour none of whose figures fits is not used; one of another row decides nothing', () => {
    const readings = readingsOf('3960181', 3);
    expect(
      readingsByYears(readings, 's20_5.licensing', {
        following: { year: 2020, values: { 's20_5.licensing.prev': 7 } },
      }),
    ).toBeUndefined();
    expect(
      readingsByYears(readings, 's20_5.licensing', {
        following: { year: 2020, values: { 's20_6.penalty.prev': 396 } },
      }),
    ).toBeUndefined();
  });

  it("the extractor cuts 平潭 2019's rows with the 2020 report, says so, and keeps what it cannot cut out", async () => {
    const following = await extractFile(corpus('pingtan-2020'));
    expect(following.sectionTwoCandidates?.['s20_5.licensing']).toContainEqual([396, 44, 2278]);
    const alone = await extractFile(corpus('pingtan-2019'));
    expect(alone.values['s20_5.licensing.decisions']).toBeUndefined();
    const out = await extractFile(corpus('pingtan-2019'), { following });
    const g = gold('pingtan-2019').values;
    for (const key of ['s20_5.licensing', 's20_5.other_services', 's20_6.penalty'])
      for (const column of ['prev', 'change', 'decisions'])
        expect(out.values[`${key}.${column}`]).toBe(g[`${key}.${column}`]);
    expect(out.values['s20_8.fees.prev']).toBe(35);
    expect(out.values['s20_6.coercion.prev']).toBeUndefined();
    expect(out.warnings.join('\n')).toContain(
      '表格行“行政许可”的数字连在一起（3960181），按下一年度（2020年）报告的上一年项目数量唯一拆分为 396 | 0 | 181',
    );
  });

  it('a report of another body or another year lends nothing', async () => {
    const following = await extractFile(corpus('pingtan-2020'));
    const otherBody = await extractFile(corpus('pingtan-2019'), {
      following: { ...following, issuer: '平潭县人民政府' },
    });
    expect(otherBody.values['s20_5.licensing.decisions']).toBeUndefined();
    const otherYear = await extractFile(corpus('pingtan-2019'), { following: { ...following, year: 2021 } });
    expect(otherYear.values['s20_5.licensing.decisions']).toBeUndefined();
  });
});
