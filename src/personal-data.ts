/**
 * Personal data in text (the catalog before publication, an applicant's file names, audit rows) (《条例》第十五条 个人隐私): 18-digit 居民身份证号码
 * (GB 11643-1999: region code, birth date, sequence, ISO 7064 MOD 11-2 check character) and the 15-digit
 * first-generation ones (GB 11643-1989), mobile numbers
 * (1[3-9]x, 11 digits) and bank card numbers (16–19 digits passing the Luhn check). Each finding carries
 * its position and a masked form; `maskPersonalData` replaces every finding with it. Read as people write
 * them: full-width digits (１１０１…), and groups set apart by spaces or dashes (138 1234 5678, 138-1234-5678).
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

/** Keeps `keepStart` digits at the start and `keepEnd` at the end (an ID's X counts); every other digit becomes *. */
function mask(span: string, keepStart: number, keepEnd: number): string {
  const isDigit = (ch: string) => digitOf(ch) !== null || checkOf(ch) !== null;
  const total = [...span].filter(isDigit).length;
  let seen = 0;
  let out = '';
  for (const ch of span) {
    if (!isDigit(ch)) {
      out += ch;
      continue;
    }
    seen++;
    out += seen <= keepStart || seen > total - keepEnd ? ch : '*';
  }
  return out;
}

/** The ASCII digit (or X) a character stands for: full-width ０-９ and Ｘ read as 0-9 and X. */
function digitOf(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return ch;
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
  return null;
}
const checkOf = (ch: string) => (/^[XxＸｘ]$/.test(ch) ? 'X' : null);

/** Characters written between the groups of one number: spaces (also full-width and no-break) and dashes. */
const SEPARATOR = /^[ \u00a0\u3000\-‐‑–—－]$/;

interface Segment {
  /** Digits as ASCII (an ID's final X included). */
  digits: string;
  start: number;
  end: number;
}

/**
 * Numbers as people write them: runs of digits (full-width too), grouped by single spaces or dashes
 * (138 1234 5678, 138-1234-5678), not part of a longer run of latin letters. Each run is given as its
 * groups, so that a number can be found in any consecutive groups of it.
 */
function digitRuns(text: string): Segment[][] {
  const runs: Segment[][] = [];
  let run: Segment[] = [];
  let i = 0;
  const letterAt = (k: number) => k >= 0 && k < text.length && /[A-Za-zＡ-Ｚａ-ｚ]/.test(text[k]) && !checkOf(text[k]);
  while (i < text.length) {
    if (digitOf(text[i]) === null) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    while (i < text.length && digitOf(text[i]) !== null) digits += digitOf(text[i++]);
    if (i < text.length && checkOf(text[i]) && !letterAt(i + 1)) {
      digits += 'X';
      i++;
    }
    // Glued to latin letters (a file name, a code such as ABC13812345678): not a number of a person.
    if (letterAt(start - 1) || letterAt(i)) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const last = run.at(-1);
    if (last && start - last.end === 1 && SEPARATOR.test(text[last.end]) && !last.digits.endsWith('X')) {
      run.push({ digits, start, end: i });
    } else {
      if (run.length) runs.push(run);
      run = [{ digits, start, end: i }];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Whether a 15-digit number is a first-generation 身份证号 (GB 11643-1989: region, yymmdd born in 19xx, sequence). */
export function isValidOldIdCard(id: string): boolean {
  return /^\d{15}$/.test(id) && PROVINCES.has(Number(id.slice(0, 2))) && validBirthDate(`19${id.slice(6, 12)}`);
}

/** How each kind is grouped when written with spaces or dashes (one group: written solid). */
const GROUPINGS: Record<PersonalDataKind, RegExp> = {
  id_card: /^(6,8,4|6,4,4,4|6,6,3)$/,
  mobile: /^3,4,4$/,
  bank_card: /^(4,)+[1-4]$/,
};

function classify(groups: string[]): { kind: PersonalDataKind; keep: [number, number] } | null {
  const digits = groups.join('');
  const shape = groups.map((g) => g.length).join(',');
  const written = (kind: PersonalDataKind) => groups.length === 1 || GROUPINGS[kind].test(shape);
  if (digits.length === 18 && isValidIdCard(digits) && written('id_card')) return { kind: 'id_card', keep: [6, 4] };
  if (digits.length === 15 && isValidOldIdCard(digits) && written('id_card')) return { kind: 'id_card', keep: [6, 3] };
  if (digits.endsWith('X')) return null;
  if (digits.length === 11 && /^1[3-9]\d{9}$/.test(digits) && written('mobile'))
    return { kind: 'mobile', keep: [3, 4] };
  if (digits.length >= 16 && digits.length <= 19 && luhnValid(digits) && written('bank_card'))
    return { kind: 'bank_card', keep: [4, 4] };
  return null;
}

/**
 * Every piece of personal data in `text`, in order of position. The text is read as normalised: full-width
 * digits as digits, numbers grouped by spaces or dashes as one number; positions and the masked form are of
 * the text as written (the masked form keeps the separators, so it has the same length).
 *
 * @example
 * findPersonalData('申请人身份证号110105194912310021')
 * // [{ kind: 'id_card', start: 7, end: 25, masked: '110105********0021' }]
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const run of digitRuns(text)) {
    // The longest consecutive groups that make a number, from left to right.
    let i = 0;
    while (i < run.length) {
      let matched = false;
      for (let j = run.length - 1; j >= i; j--) {
        const groups = run.slice(i, j + 1).map((g) => g.digits);
        const length = groups.reduce((n, g) => n + g.length, 0);
        if (length < 11 || length > 19) continue;
        const hit = classify(groups);
        if (!hit) continue;
        const start = run[i].start;
        const end = run[j].end;
        found.push({ kind: hit.kind, start, end, masked: mask(text.slice(start, end), ...hit.keep) });
        i = j + 1;
        matched = true;
        break;
      }
      if (!matched) i++;
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
