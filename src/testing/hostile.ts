/**
 * Hostile input the attack tests share (issue #19): addresses that lead off-site, and parameter values that
 * once gave 500s (NUL bytes, overflowing numbers, odd unicode, long strings, SQL and HTML fragments).
 */

/** `back`/`next` values a browser would follow to another site, or that would split the Location header. */
export const OFF_SITE_TARGETS: readonly string[] = [
  'https://evil.example/',
  'http://evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/%2F%2Fevil.example',
  '/%2f%2fevil.example',
  '%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '/%252F%252Fevil.example',
  '/%255Cevil.example',
  '/console//evil.example',
  '/console/%2F%2Fevil.example',
  '/console/\\evil.example',
  '/\tevil.example',
  '/\t/evil.example',
  '/\r\nLocation: https://evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/%0D%0ALocation:%20https://evil.example',
  '/\u0000/evil.example',
  '/%00//evil.example',
  'javascript:alert(1)',
  '/javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  ' //evil.example',
  '/%E0%A4%A',
  '/console/../../\\evil.example',
  'https:/evil.example',
  'https:evil.example',
  '/.//evil.example',
  `/${'a'.repeat(5000)}`,
];

const unicode = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '\u200b',
  '\uffff',
  '𠀀',
  'é',
  'Å',
  '\u0301\u0301\u0301',
  '\r\n',
  '%00',
  '%',
  '%ZZ',
  '%C0%AE',
];
const numbers = [
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '0',
  '0x10',
  '1.5',
  '2024.0',
  '1_000',
  ' 2024 ',
  '２０２４',
  '',
];
const fragments = [
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '" OR ""="',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '\u0024{7*7}',
  '../../etc/passwd',
  '%2e%2e%2f',
  '[]',
  '{}',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'true',
];

/** `n` different hostile values, the same every run: the lists above, then long strings and mixtures of them. */
export function hostileValues(n: number): string[] {
  const base = [...unicode, ...numbers, ...fragments];
  const out = new Set<string>(base);
  const lengths = [256, 1000, 2900, 3000, 10_000, 60_000];
  for (const len of lengths) for (const ch of ['a', '中', '\u0000', '%', '9']) out.add(ch.repeat(len));
  let seed = 19;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  while (out.size < n) {
    const a = base[Math.floor(rand() * base.length)];
    const b = base[Math.floor(rand() * base.length)];
    out.add(rand() < 0.5 ? `${a}${b}` : `${a}${'x'.repeat(Math.floor(rand() * 4000))}${b}`);
  }
  return [...out].slice(0, n);
}
