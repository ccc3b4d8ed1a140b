/**
 * Cell values as printed: numbers with units inside (`1132条`, `8件`), thousands separators, decimals,
 * negative changes, money in 元 converted to 万元, blanks and dashes as null (never 0).
 */
import type { ValueKind } from '../../report/template.ts';

const UNIT = '(条|件|个|人次|人|次|篇|项|万元|元|家)';
const NUMBER = new RegExp(`^([-−－+]?)(\\d{1,3}(?:[,，]\\d{3})+|\\d+)(\\.\\d+)?${UNIT}?$`);
const DASH = /^[-—–－/／―─~～]+$|^(无|空)$/;
export const UNIT_ONLY = new RegExp(`^${UNIT}$`);

export type Token =
  | { type: 'number'; value: number; unit?: string }
  | { type: 'blank' }
  | { type: 'unit'; unit: string };

/**
 * Every character a value or a bare unit can start with (the first characters of DASH, UNIT and NUMBER's
 * sign, digits aside): most cells of a document are words, turned away here before three regular expressions.
 */
const FIRST = new Set([...'-—–－/／―─~～无空', ...'条件个人次篇项万元家', ...'−+']);

/** A token that is a value (number, blank, dash) or a bare unit; undefined for any other text. */
export function valueToken(text: string): Token | undefined {
  const t = text.trim();
  if (t === '') return { type: 'blank' };
  const first = t.charCodeAt(0);
  if ((first < 48 || first > 57) && !FIRST.has(t[0])) return undefined;
  if (DASH.test(t)) return { type: 'blank' };
  if (UNIT_ONLY.test(t)) return { type: 'unit', unit: t };
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const sign = m[1] && m[1] !== '+' ? -1 : 1;
  const value = sign * Number(`${m[2].replace(/[,，]/g, '')}${m[3] ?? ''}`);
  return Number.isFinite(value) ? { type: 'number', value, unit: m[4] } : undefined;
}

/** The value to store for a number read into a cell of the given kind and template unit. */
export function cellNumber(
  token: { value: number; unit?: string },
  _kind: ValueKind,
  unit: string | undefined,
  headerUnit?: string,
): number {
  const printed = token.unit ?? headerUnit;
  if (unit === '万元' && printed === '元') return Math.round((token.value / 10_000) * 1e6) / 1e6;
  return token.value;
}
