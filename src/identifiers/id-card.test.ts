import { describe, expect, it } from 'vitest';
import { idCard18, idCardCheckChar, idCardProblem, isValidIdCard, normalizeIdentifier } from './id-card.ts';

describe('公民身份号码 (GB 11643-1999)', () => {
  it.each([
    ['the standard’s example, check character X', '11010519491231002X'],
    ['the standard’s second example (born 1880)', '440524188001010014'],
    ['a 29 February of a leap year', '510108200002294560'],
    ['born in Nanjing in 1990', '320102199003071239'],
    ['a 15-digit old number (1949-12-31)', '110105491231002'],
    ['a 15-digit old number (1980-02-29)', '440524800229001'],
    ['a 港澳台居民居住证 (830000)', `83000019900101123${idCardCheckChar('83000019900101123')}`],
  ])('accepts %s', (_name, id) => {
    expect(idCardProblem(id, '2026-03-02')).toBeNull();
  });

  it.each([
    ['a wrong check character (1 for X)', '110105194912310021', '校验码（第18位）不符'],
    ['a wrong check character (0 for 4)', '440524188001010010', '校验码（第18位）不符'],
    ['two digits swapped', '110105194921310020', '不是有效日期'],
    ['a middle digit mistyped', '11010519491231012X', '校验码（第18位）不符'],
    ['17 digits', '11010519491231002', '应为18位（或15位的旧号码），收到17位'],
    ['16 digits', '1101051949123100', '收到16位'],
    ['a lower-case x not normalized', '11010519491231002x', '最后一位为数字或 X'],
    ['a letter inside', '1101051949123100AX', '最后一位为数字或 X'],
    ['an unknown province (00)', '00010519491231002X', '省级行政区划代码'],
    ['30 February', `11010519900230123${idCardCheckChar('11010519900230123')}`, '“19900230”不是有效日期'],
    ['29 February of a common year', `11010520010229123${idCardCheckChar('11010520010229123')}`, '不是有效日期'],
    ['born after today', `11010520270101123${idCardCheckChar('11010520270101123')}`, '晚于今天'],
    ['a 15-digit number with month 13', '110105491331002', '“491331”不是有效日期'],
    ['a 15-digit number with an unknown province', '990105491231002', '省级行政区划代码'],
  ])('refuses %s', (_name, id, message) => {
    expect(idCardProblem(id, '2026-03-02')).toContain(message);
    expect(isValidIdCard(id, '2026-03-02')).toBe(false);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('converts a 15-digit number to its 18-character form (19 inserted, check character added)', () => {
    expect(idCard18('110105491231002')).toBe('11010519491231002X');
    expect(idCard18('11010519491231002X')).toBe('11010519491231002X');
  });

  it('normalizes full-width digits, spaces and a lower-case x', () => {
    expect(normalizeIdentifier(' １１０１０５ 19491231002x ')).toBe('11010519491231002X');
  });
});
