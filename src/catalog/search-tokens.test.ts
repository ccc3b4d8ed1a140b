import { describe, expect, it } from 'vitest';
import { prng } from '../report/sample.ts';
import {
  documentTokens,
  hanRuns,
  highlightTerms,
  pairsAnywhere,
  queryTokens,
  wordTokens,
  wordTokensWhole,
} from './search-tokens.ts';
import { highlight } from './snippet.ts';

/** Pieces of text around the places wordTokens cuts at: phrases, marks that join onto what they follow, numbers. */
const PIECES = [
  '各乡镇人民政府要明确专人负责',
  '按照属地管理原则落实监管责任',
  '王小明',
  '2025年',
  'GDP',
  'covid19',
  '。',
  '。',
  '（',
  '“',
  '\n',
  '\n',
  '\r\n',
  '，',
  ' ',
  '3.5',
  '．',
  '\u0301',
  '\u200d',
  '\ufe0f',
  '\u200b',
  '😀',
  'カタカナ',
  'ひらがな',
  '１２３',
  'ａｂｃ',
  "don't",
  '—',
];

describe('search tokens', () => {
  it('segments a long text by the piece into the words of the whole', () => {
    const rnd = prng(3);
    for (let i = 0; i < 300; i++) {
      let text = '';
      while (text.length < 200 + rnd() * 3000) text += PIECES[Math.floor(rnd() * PIECES.length)];
      expect(wordTokens(text), JSON.stringify(text)).toEqual(wordTokensWhole(text));
    }
  });

  it('segments Chinese into words and drops punctuation', () => {
    const words = wordTokens('关于做好2025年春耕生产工作的通知！');
    expect(words).toContain('通知');
    expect(words.join('')).toBe('关于做好2025年春耕生产工作的通知');
  });

  it('stores each Han character of a run with the next one, astral ones whole', () => {
    const text = '关于𠀀𠀁王小明\n同志 abc 任职𪚥的通知';
    const pairs = hanRuns(text).map((run) => [...run.map((c, i) => c + (run[i + 1] ?? '')), '|'].join(' '));
    expect(documentTokens(text)).toBe(`${wordTokens(text).join(' ')} | ${pairs.join(' ')}`);
    expect(documentTokens(text)).toContain(
      '关于 于𠀀 𠀀𠀁 𠀁王 王小 小明 明 | 同志 志 | 任职 职𪚥 𪚥的 的通 通知 知 |',
    );
    expect(documentTokens('abc')).toBe('abc | ');
  });

  it('stores words, then one token for each Han character: the pair it starts', () => {
    const doc = documentTokens('王小明任职');
    const [words, chars] = doc.split(' | ');
    expect(words.length).toBeGreaterThan(0);
    expect(chars.trim()).toBe('王小 小明 明任 任职 职 |');
  });

  it('asks for a run as its pairs side by side, a lone character as the start of a pair', () => {
    expect(queryTokens('王小明 任职')).toBe("('王':* & '小明' & '任职') | (('王小' <-> '小明') & ('任职'))");
    expect(queryTokens('王')).toBe("('王':*) | (('王':*))");
    expect(queryTokens('𠀀𠀁')).toContain("('𠀀𠀁')");
  });

  it('asks for the same pairs anywhere, in order or not, for the full-text index alone to count', () => {
    expect(pairsAnywhere('王小明 任职')).toBe("('王':* & '小明' & '任职') | (('王小' & '小明') & ('任职'))");
    expect(pairsAnywhere('关于印发')).toBe(queryTokens('关于印发')!.replaceAll('<->', '&'));
    expect(pairsAnywhere('GDP')).toBe(queryTokens('GDP'));
    expect(pairsAnywhere('！？')).toBeNull();
  });

  it.each([
    ['a Chinese phrase', '春耕生产', /<->/],
    ['latin words only', 'GDP report', /^'gdp' & 'report'$/],
    ['quotes and operators are neutralised', "a'b & c|d", /^'ab' & 'cd'$|^'ab' & 'c' & 'd'$/],
  ])('query: %s', (_n, input, shape) => {
    expect(queryTokens(input)).toMatch(shape);
  });

  it('nothing searchable gives null', () => {
    expect(queryTokens('！？ ，')).toBeNull();
  });

  it('highlight terms include the Han run', () => {
    expect(highlightTerms('王小明')).toContain('王小明');
  });
});

describe('highlight', () => {
  it('marks matches and escapes the text', () => {
    expect(highlight('关于<春耕>的通知', ['春耕'])).toBe('关于&lt;<mark>春耕</mark>&gt;的通知');
  });
  it('cuts a window around the first match', () => {
    const text = `${'甲'.repeat(200)}目标${'乙'.repeat(200)}`;
    const s = highlight(text, ['目标'], 60);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>目标</mark>');
  });
});
