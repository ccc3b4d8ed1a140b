/**
 * The applicant's ways to be reached (条例第二十九条第二款第一项 联系方式): a telephone number — an 11-digit
 * mobile number (号段 13x–19x, GB/T 15120 numbering; +86 or 86 allowed in front), a fixed line with its area
 * code (0 + 2–3 digits, then 7–8 digits, an extension after a hyphen), or a 400/800 service number — and an
 * e-mail address (the WHATWG form's rule, with a dot in the domain so a message can be delivered).
 */

/** Full-width digits and signs made half-width, spaces removed, （010） written 010-. */
export function normalizePhone(input: string): string {
  return input
    .replace(/[０-９＋－（）]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/^\((0\d{2,3})\)/, '$1-')
    .replace(/[—–]/g, '-');
}

const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
const FIXED = /^0\d{2,3}-?[1-9]\d{6,7}(?:-\d{1,6})?$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

/** Why `phone` (normalized) is not a number that can be called, or null. */
export function phoneProblem(phone: string): string | null {
  if (MOBILE.test(phone) || FIXED.test(phone) || SERVICE.test(phone)) return null;
  const digits = /^[\d-]+$/.test(phone) ? phone.replace(/-/g, '') : '';
  if (/^1\d*$/.test(digits) && digits.length !== 11) return `手机号码应为11位，收到${digits.length}位`;
  if (/^1\d{10}$/.test(digits)) return '手机号码的第二位应为3至9';
  return '请填写11位手机号码，或带区号的固定电话（如 0755-12345678）';
}

/** The mobile number in a phone field (11 digits, country code dropped), or null: SMS goes only there. */
export function mobileNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const n = normalizePhone(phone);
  return MOBILE.test(n) ? n.replace(/^\+?86-?/, '') : null;
}

const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Why `email` (trimmed) is not a deliverable address, or null. */
export function emailProblem(email: string): string | null {
  if (email.length > 254) return '电子邮箱地址过长';
  if (/[＠。]/.test(email)) return '电子邮箱地址中的“@”和“.”请用半角字符';
  if (!email.includes('@')) return '电子邮箱地址缺少“@”，应如 name@example.com';
  if (!EMAIL.test(email)) return '电子邮箱地址格式不正确，应如 name@example.com';
  return null;
}
