/**
 * Text-level repair of a published report before it is read: the damage met in the wild.
 * - pinyin after polyphonic characters (`鎮(zhèn)`) removed, `（一）` and `(2019)` untouched;
 * - Traditional → Simplified, only when the text is in Traditional characters;
 * - full-width digits and letters → half-width; odd spaces and zero-width characters;
 * - page furniture (分享到, 【字体, 扫一扫在手机打开当前页 …) dropped.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const PINYIN = /([\u3400-\u9fff])\(([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})\)/g;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

/** Removes pinyin annotations: the parenthesised syllable must follow a Han character and carry a tone mark. */
export function removePinyin(text: string): string {
  return text.replace(PINYIN, (whole, han: string, syllable: string) => (TONE_MARK.test(syllable) ? han : whole));
}

function changes(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/**
 * True when the text is in Traditional characters: converting it to Simplified changes more characters
 * than converting it to Traditional does (a Simplified text changes little one way, much the other).
 */
/** Common characters that exist only in Traditional writing: a cheap first test. */
const TRADITIONAL_ONLY =
  /[開與為會們國關條發應數報請區縣鎮經書處門時號機車體據對實動個來當後說務辦計網訊於這過專業東長議頁變點總結]/g;

export function looksTraditional(text: string): boolean {
  const sample = text.slice(0, 20_000);
  if ((sample.match(TRADITIONAL_ONLY)?.length ?? 0) < 3) return false;
  const toS = changes(sample, toSimplified(sample));
  const toT = changes(sample, toTraditional(sample));
  return toS >= 3 && toS > toT;
}

export function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．％＋－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/\r\n?/g, '\n');
}

const FURNITURE =
  /^(?:分享到?[:：]?\s*$|分享[:：]|【\s*字体|扫一扫在手机(?:上)?打开当前页|(?:打印本页|关闭窗口|打印|关闭|返回顶部|相关阅读|相关链接)\s*$|(?:上一篇|下一篇)[:：]|当前位置[:：]|[|｜\s]+$)/;

export function isFurniture(line: string): boolean {
  return FURNITURE.test(line.trim());
}

/** The whole repair, in an order where each step helps the next. */
export function repairText(text: string): string {
  let out = normalizeSpaces(text);
  out = removePinyin(out);
  if (looksTraditional(out)) out = toSimplified(out);
  return toHalfWidth(out);
}

/** Repaired text as lines, furniture dropped (line numbers of the kept lines are their 1-based index). */
export function toLines(text: string): string[] {
  return repairText(text)
    .split('\n')
    .map((line) => (isFurniture(line) ? '' : line.replace(/\s+$/, '')));
}
