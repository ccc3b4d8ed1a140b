/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》): 18 characters —
 * 登记管理部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6), 主体标识码 (9), 校验码 (1) — over 31
 * characters (digits and capitals without I, O, S, V, Z). The check character is C18 = 31 − (Σ Ci·Wi mod 31),
 * Wi = 3^(i−1) mod 31, with 31 written as 0 (GB 32100-2015 §4.3 and 附录 A).
 */
import { AppError } from '../errors.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character the first 17 characters call for. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Why `code` is not a valid 统一社会信用代码, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位，收到${code.length}位`;
  if (!SHAPE.test(code))
    return '统一社会信用代码含有不允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母，第3—8位为行政区划码）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验码有误：第18位应为“${expected}”，收到“${code[17]}”`;
  return null;
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

/**
 * Normalizes (trim, full-width → half-width, upper case) and validates a code; throws AppError('bad_input').
 *
 * @example
 * parseCreditCode('91350100m000100y43') // '91350100M000100Y43'
 */
export function parseCreditCode(input: string): string {
  const code = input
    .trim()
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw new AppError('bad_input', problem, { field: 'creditCode' });
  return code;
}
