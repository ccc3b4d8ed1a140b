/**
 * Personal data in text that is about to be published (《条例》第十五条 个人隐私): 18-digit 居民身份证号码
 * (GB 11643-1999: region code, birth date, sequence, ISO 7064 MOD 11-2 check character), mobile numbers
 * (1[3-9]x, 11 digits) and bank card numbers (16–19 digits passing the Luhn check). Each finding carries
 * its position and a masked form; `maskPersonalData` replaces every finding with it.
 */

export type PersonalDataKind = 'id_card' | 'mobile' | 'bank_card';

export const PERSONAL_DATA_NAMES: Record<PersonalDataKind, string> = {
  id_card: '居民身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号',
};

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Offset of the first character in the text (UTF-16 code units). */
  start: number;
  end: number;
  /** The number with its middle replaced by *, e.g. 110105********1234. */
  masked: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First digits of the 31 provinces, 香港 81, 澳门 82, 台湾 71 (GB/T 2260). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

/** The check character of an 18-digit 身份证号 (ISO 7064 MOD 11-2 over the first 17 digits). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether `id` is a plausible 18-digit 身份证号: province prefix, a real birth date, the right check character. */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  if (!validBirthDate(id.slice(6, 14))) return false;
  return idCardCheckChar(id) === id[17].toUpperCase();
}

/** The Luhn check (ISO/IEC 7812) over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const mask = (s: string, keepStart: number, keepEnd: number) =>
  s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);

/** Runs of digits (an ID's final X included), not part of a longer run of digits or latin letters. */
const RUN = /(?<![0-9A-Za-z])\d{11,19}[Xx]?(?![0-9A-Za-z])/g;

/**
 * Every piece of personal data in `text`, in order of position.
 *
 * @example
 * findPersonalData('申请人身份证号110105194912310021')
 * // [{ kind: 'id_card', start: 7, end: 25, masked: '110105********0021' }]
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (run.length === 18 && isValidIdCard(run)) {
      found.push({ kind: 'id_card', start, end, masked: mask(run, 6, 4) });
      continue;
    }
    if (/[Xx]$/.test(run)) continue;
    if (run.length === 11 && /^1[3-9]\d{9}$/.test(run)) {
      found.push({ kind: 'mobile', start, end, masked: mask(run, 3, 4) });
    } else if (run.length >= 16 && luhnValid(run)) {
      found.push({ kind: 'bank_card', start, end, masked: mask(run, 4, 4) });
    }
  }
  return found;
}

/**
 * `text` with every finding replaced by its masked form (same length, so positions stay valid).
 *
 * @example
 * maskPersonalData('联系电话13812345678') // '联系电话138****5678'
 */
export function maskPersonalData(text: string): string {
  let out = '';
  let at = 0;
  for (const f of findPersonalData(text)) {
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}

/** A run of 11 or more digits (an ID's final X included), wherever it stands: in a file name `id110…0011.jpg`. */
const LONG_NUMBER = /\d{11,}[Xx]?/g;

/**
 * `text` with every long number masked, whether or not it checks as an ID, phone or card number and whatever
 * stands beside it: for what an applicant named (file names) where a number is never needed in full outside
 * the case (the tracking page, the audit log). An 18-character ID keeps its first 6 and last 4, others 3 and 4.
 *
 * @example
 * maskLongNumbers('身份证110105194912310021正面.jpg') // '身份证110105********0021正面.jpg'
 */
export function maskLongNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (run) => (run.length === 18 ? mask(run, 6, 4) : mask(run, 3, 4)));
}
