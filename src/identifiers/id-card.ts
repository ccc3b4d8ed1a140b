/**
 * 公民身份号码 (GB 11643-1999《公民身份号码》): 18 characters — 地址码 (6, GB/T 2260 administrative division),
 * 出生日期码 (8, YYYYMMDD), 顺序码 (3), 校验码 (1). The check character follows ISO 7064 MOD 11-2: the first 17
 * digits weighted by 2^(18−i) mod 11, the sum mod 11 mapped through "10X98765432" (GB 11643-1999 §4.2, §5 and
 * 附录A). Cards issued before the 1999 standard carry 15 digits: 地址码 (6), 出生日期码 YYMMDD of the 1900s
 * (6), 顺序码 (3), no check character (GB 11643-1989); they have no check digit to test, only a real date.
 * 港澳台居民居住证 (2018) use the same format with 地址码 810000 / 820000 / 830000.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** First two digits of the 地址码: the 31 provinces, 台湾 71, 香港 81, 澳门 82, 台湾居民居住证 83 (GB/T 2260). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** The 校验码 of an 18-character number, from its first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Why `id` is not a valid 公民身份号码, or null when it is. `today` (YYYY-MM-DD) refuses birth dates after it.
 * Expects a normalized number (normalizeIdentifier): digits and an upper-case X.
 */
export function idCardProblem(id: string, today?: string): string | null {
  if (/^\d{15}$/.test(id)) {
    if (!PROVINCES.has(Number(id.slice(0, 2)))) return '身份证号码前两位不是有效的省级行政区划代码';
    const [y, m, d] = [1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12))];
    if (!realDate(y, m, d)) return `15位身份证号码第7—12位应为出生日期（年月日），“${id.slice(6, 12)}”不是有效日期`;
    return null;
  }
  if (id.length !== 18 && id.length !== 15 && /^\d+X?$/.test(id)) {
    return `身份证号码应为18位（或15位的旧号码），收到${id.length}位`;
  }
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位：前17位为数字，最后一位为数字或 X';
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return '身份证号码前两位不是有效的省级行政区划代码';
  const birth = id.slice(6, 14);
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (y < 1850 || !realDate(y, m, d)) return `身份证号码第7—14位应为出生日期，“${birth}”不是有效日期`;
  if (today && `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` > today) {
    return `身份证号码第7—14位的出生日期“${birth}”晚于今天`;
  }
  if (idCardCheckChar(id) !== id[17]) return '身份证号码校验码（第18位）不符，请逐位核对号码';
  return null;
}

export const isValidIdCard = (id: string, today?: string) => idCardProblem(id, today) === null;

/**
 * The 18-character form of a 15-digit number (century 19 inserted, check character appended), as offices
 * convert old numbers; an 18-character number is returned as it is.
 */
export function idCard18(id: string): string {
  if (id.length !== 15) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCardCheckChar(first17);
}

/** Trimmed, full-width letters and digits made half-width, spaces removed, upper case (x → X). */
export function normalizeIdentifier(input: string): string {
  return input
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}
