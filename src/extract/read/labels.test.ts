import { describe, expect, it } from 'vitest';
import { bestMatch, type Candidate, normalizeLabel } from './labels.ts';

const candidate = (index: number, ...labels: string[]): Candidate<string> => ({
  forms: labels.map(normalizeLabel),
  item: `${labels[0]}#${index}`,
  index,
});

describe('bestMatch', () => {
  // 被依法纠错数 is printed under both 行政复议 and 行政诉讼: the block being read decides.
  const candidates = [
    candidate(0, '结果维持'),
    candidate(1, '被依法纠错数'),
    candidate(2, '结果维持'),
    candidate(3, '被依法纠错数'),
  ];

  it('picks among equal matches by the cursor each time, whatever was matched before', () => {
    expect(bestMatch('被依法纠错数', candidates, -1)?.index).toBe(1);
    expect(bestMatch('被依法纠错数', candidates, 1)?.index).toBe(3);
    expect(bestMatch('（三）被依法纠错数', candidates, 2)?.index).toBe(3);
    expect(bestMatch('被依法纠错数', candidates, 3)?.index).toBe(1);
    expect(bestMatch('被依法纠错数', candidates, -1)?.index).toBe(1);
  });

  it('keeps the tiers apart for each maximum tier asked', () => {
    const list = [candidate(0, '本年新制作政府信息数量')];
    expect(bestMatch('本年新制作政府信息数量合计', list, -1, 1)?.index).toBe(0);
    expect(bestMatch('关于本年新制作政府信息数量', list, -1, 1)).toBeUndefined();
    expect(bestMatch('关于本年新制作政府信息数量', list, -1)?.index).toBe(0);
  });

  it('answers the same past the bound on remembered labels (a document of unique labels)', () => {
    const list = [candidate(0, '收到申请数'), candidate(1, '予以公开')];
    for (let i = 0; i < 25_000; i++) bestMatch(`无关标签${i}`, list, -1);
    expect(bestMatch('（一）予以公开', list, -1)?.index).toBe(1);
    expect(bestMatch('无关标签7', list, -1)).toBeUndefined();
    expect(bestMatch('', list, -1)).toBeUndefined();
  });
});
