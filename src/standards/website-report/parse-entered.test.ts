/** Reading the form of entered figures: each field's error beside it. */
import { describe, expect, it } from 'vitest';
import { parseEntered } from './parse-entered.ts';

describe('parseEntered', () => {
  it('reads counts, decimals, 是/否 and text with their sources', () => {
    const { figures, errors } = parseEntered(
      {
        'visits.total': '1,234',
        'messages.avgDays': '３.５',
        'security.drills': '否',
        'site.name': '示范县人民政府网',
      },
      { 'visits.total': '百度统计' },
    );
    expect(errors).toEqual({});
    expect(figures['visits.total']).toEqual({ value: 1234, source: '百度统计' });
    expect(figures['messages.avgDays'].value).toBe(3.5);
    expect(figures['security.drills'].value).toBe(false);
    expect(figures['site.name'].source).toBe('本单位填报');
  });

  it.each([
    ['a negative count', 'visits.total', '-3', '不小于0的整数'],
    ['a decimal count', 'security.found', '2.5', '不小于0的整数'],
    ['three decimals of days', 'messages.avgDays', '1.234', '最多两位小数'],
    ['a yes/no not 是 or 否', 'security.owner', '有', '请选择'],
  ])('refuses %s', (_name, key, value, words) => {
    const { figures, errors } = parseEntered({ [key]: value }, {});
    expect(figures[key]).toBeUndefined();
    expect(errors[key]).toContain(words);
  });

  it('ignores computed keys (they are not entered)', () => {
    expect(parseEntered({ 'publish.total': '5' }, {}).figures).toEqual({});
  });
});
