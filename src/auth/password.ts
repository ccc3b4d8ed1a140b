/**
 * Password hashes: scrypt (memory-hard; node:crypto) with a per-user salt, stored as
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>` so the parameters can be raised later without breaking
 * old hashes. N = 2^15, r = 8 uses 32 MiB per hash (OWASP's minimum for scrypt is N = 2^17, r = 8, p = 1 or
 * an equivalent; N = 2^15 with p = 1 is the floor the project set).
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
/** Hashes with weaker parameters than these are refused (a tampered row cannot downgrade a login). */
const MIN_N = 2 ** 15;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * @example
 * const stored = await hashPassword('正确的马电池订书钉'); // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  if (params.N < MIN_N) throw new AppError('bad_input', `scrypt 参数 N 不得小于 ${MIN_N}`);
  const salt = randomBytes(16);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches the stored hash; false for a malformed or too-weak hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(N) || N < MIN_N || (N & (N - 1)) !== 0 || !(r > 0) || !(p > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || expected.length < 16) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash uses weaker parameters than today's defaults (rehash at the next login). */
export function needsRehash(stored: string): boolean {
  const [, N, r, p] = stored.split('$').map(Number);
  return N < DEFAULT_PARAMS.N || r < DEFAULT_PARAMS.r || p < DEFAULT_PARAMS.p;
}

/** The shortest password taken (GB/T 22239-2019 等保2.0 asks for complexity; 10 with two kinds is ours). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords found first in every guessing list, and their shapes (issue #19: `password1` and `admin123` were
 * accepted): compared without case, digits and symbols at the end stripped.
 */
const COMMON_STEMS = new Set([
  'password',
  'passw0rd',
  'admin',
  'administrator',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'abc',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'iloveyou',
  'welcome',
  'letmein',
  'root',
  'test',
  'user',
  'zhengfu',
  'woaini',
  'china',
]);

/**
 * The project's password rule: at least MIN_PASSWORD_LENGTH characters of at least two kinds (letters,
 * digits, symbols), not a common password or one of its variants (`Password1!`, `admin@2025`), not made of
 * the username, and not one character or an ascending run repeated (`1234567890`, `aaaaaaaaaa`).
 */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少${MIN_PASSWORD_LENGTH}位`;
  const kinds = [/[a-zA-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 2) return '密码应至少包含字母、数字、符号中的两类';
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (COMMON_STEMS.has(stem) || COMMON_STEMS.has(lower.replace(/[^a-z]/g, '')))
    return '密码过于常见，容易被猜中，请换一个';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return '密码不能包含用户名';
  if (
    /^(.)\1+$/.test(password) ||
    '01234567890123456789'.includes(password) ||
    'abcdefghijklmnopqrstuvwxyz'.includes(lower)
  )
    return '密码不能是同一字符或连续字符';
  return null;
}
