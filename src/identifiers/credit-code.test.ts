import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, parseCreditCode } from './credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['the standard’s example', '91350100M000100Y43'],
    ['an enterprise (登记管理部门 9, 企业 1)', '91440300708461136T'],
    ['a 机关 (机构编制 1, 机关 1)', '11100000000013127D'],
    ['a 事业单位 (机构编制 1, 事业单位 2)', '12100000400000624D'],
    ['check character 0 (31 − 0 written as 0)', '1111000000000001D0'],
  ])('accepts %s', (_name, code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it.each([
    ['a wrong check character', '91350100M000100Y44', '第18位应为“3”'],
    ['17 characters', '91350100M000100Y4', '应为18位'],
    ['the letter O', '91350100M0O0100Y43', '不允许的字符'],
    ['a letter in the 行政区划码', '9135010AM000100Y43', '不允许的字符'],
    ['lower case (not normalized)', '91350100m000100y43', '不允许的字符'],
  ])('refuses %s', (_name, code, message) => {
    expect(creditCodeProblem(code)).toContain(message);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('computes the check character that makes the weighted sum divisible by 31', () => {
    const first17 = '91350100M000100Y4';
    expect(creditCodeCheckChar(first17)).toBe('3');
  });

  it('normalizes full-width and lower-case input before validating', () => {
    expect(parseCreditCode(' ９１３５０１００m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('throws bad_input naming the problem', () => {
    try {
      parseCreditCode('91350100M000100Y44');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('bad_input');
    }
  });
});
