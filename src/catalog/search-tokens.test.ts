import { describe, expect, it } from 'vitest';
import { documentTokens, highlightTerms, queryTokens, wordTokens } from './search-tokens.ts';
import { highlight } from './snippet.ts';

describe('search tokens', () => {
  it('segments Chinese into words and drops punctuation', () => {
    const words = wordTokens('关于做好2025年春耕生产工作的通知！');
    expect(words).toContain('通知');
    expect(words.join('')).toBe('关于做好2025年春耕生产工作的通知');
  });

  it('stores words then every Han character', () => {
    const doc = documentTokens('王小明任职');
    const [words, chars] = doc.split(' | ');
    expect(words.length).toBeGreaterThan(0);
    expect(chars.trim()).toBe('王 小 明 任 职 |');
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
