/**
 * Text-level repair of a published report before it is read: the damage met in the wild. In order:
 * 1. spaces: NBSP, ideographic and other odd spaces → ' '; zero-width characters and soft hyphens dropped;
 *    CR/CRLF, form feeds and Unicode line separators → '\n'; other control characters dropped (tabs kept:
 *    they separate table cells);
 * 2. pinyin annotations after a character (`鎮(zhèn)`, `开（kāi）`) removed — only a parenthesis holding
 *    one pinyin syllable with a tone mark (or a tone digit) right after a Han character (or after the `?`
 *    a lost character left, `?dāng)` when the parenthesis went with it); `（一）`, `(2019)`, `(以下简称《条例》)`, `(app)` stay;
 * 3. Traditional → Simplified (opencc-js, tw → cn, character level: a page converted by a site's 繁体
 *    switch keeps mainland words), only when the text is in Traditional characters, then a few fixes of
 *    place names the character mapping gets wrong;
 * 4. full-width digits, Latin letters and the signs numbers use (．％＋－／｜) → half-width. Chinese
 *    punctuation (，。：；（）【】《》) is kept as printed: labels keep their `（一）` and prose keeps its
 *    `，` — a comma inside a figure (`1，234`) is the reader's to read, cell by cell.
 * `toLines` then drops page furniture (分享到, 【字体：大 中 小】, 扫一扫在手机打开当前页, 打印本页,
 * 关闭窗口, 上一篇/下一篇, page numbers `- 3 -` …): whole furniture lines become empty (line numbers stay those of the repaired
 * text), furniture runs inside a line are cut out.
 */
import * as OpenCC from 'opencc-js';
import { dropStrayPipes, restoreLines } from './layout.ts';
import { type RunTogetherContext, spaceRunTogetherRows } from './run-together-rows.ts';

/**
 * The converters, built on first use: building one loads opencc's dictionaries, an eighth of a sandbox
 * worker's start, and a batch in Simplified characters never needs them (looksTraditional's first test).
 */
let simplifier: ((text: string) => string) | undefined;
let traditionaliser: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  const convert = simplifier ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  simplifier = convert;
  return convert(text);
}
function toTraditional(text: string): string {
  const convert = traditionaliser ?? OpenCC.Converter({ from: 'cn', to: 'tw' });
  traditionaliser = convert;
  return convert(text);
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const SYLLABLE = `[a-zA-Z${TONED}üÜ]{1,6}`;
const PINYIN = new RegExp(`([\\u3400-\\u9fff\\uf900-\\ufaff?\\ufffd])\\s?[(（]\\s?(${SYLLABLE}[1-5]?)\\s?[)）]`, 'g');
/** A lost character and its opening parenthesis left one `?`: `政府?dāng)?shù)据`. */
const LOST_PINYIN = new RegExp(`([?\\ufffd])(${SYLLABLE}[1-5]?)[)）]`, 'g');
const TONE = new RegExp(`[${TONED}]|^[a-zA-Züv]{1,6}[1-5]$`);
/** A syllable pinyin can spell: an optional initial and a final. Keeps `(DNA)`, `(xyz)` and the like. */
const PINYIN_SHAPE = new RegExp(
  `^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv${TONED}][a-zü${TONED}]{0,4}[1-5]?$`,
  'i',
);

/** Removes pinyin annotations: the parenthesised syllable must follow a Han character and carry a tone. */
export function removePinyin(text: string): string {
  const strip = (whole: string, han: string, syllable: string) =>
    TONE.test(syllable) && PINYIN_SHAPE.test(syllable) ? han : whole;
  return text.replace(PINYIN, strip).replace(LOST_PINYIN, strip);
}

function changes(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** Common characters that exist only in Traditional writing: a cheap first test. */
const TRADITIONAL_ONLY =
  /[開與為會們國關條發應數報請區縣鎮經書處門時號機車體據對實動個來當後說務辦計網訊於這過專業東長議頁變點總結復]/g;

/**
 * True when the text is in Traditional characters: converting it to Simplified changes more characters
 * than converting it to Traditional does (a Simplified text changes little one way, much the other).
 */
export function looksTraditional(text: string): boolean {
  const sample = text.slice(0, 20_000);
  if ((sample.match(TRADITIONAL_ONLY)?.length ?? 0) < 3) return false;
  const toS = changes(sample, toSimplified(sample));
  const toT = changes(sample, toTraditional(sample));
  return toS >= 3 && toS > toT;
}

/** Names the character mapping gets wrong (their Simplified form keeps or changes a character). */
const SIMPLIFIED_FIXES: [RegExp, string][] = [[/濬县/g, '浚县']];

export function traditionalToSimplified(text: string): string {
  let out = toSimplified(text);
  for (const [re, to] of SIMPLIFIED_FIXES) out = out.replace(re, to);
  return out;
}

export function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．％＋－／｜]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function normalizeSpaces(text: string): string {
  return (
    text
      .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the damage removed
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g, '')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
  );
}

/** Page furniture: site chrome around the report. */
export const FURNITURE_TOKEN = [
  // No two quantified runs that can both take a space side by side (`\s*[大中小\s]*`): they are tried in every
  // split of a run of spaces, quadratic and worse (issue #19). Each run below is one class.
  '【\\s*字[体號号][:：]?[大中小\\s]*】',
  '[【\\[]\\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享)\\s*[】\\]]',
  '字[体号][:：][\\s【\\[]*大[\\s】\\]【\\[]*中[\\s】\\]【\\[]*小(?:\\s*[】\\]])?',
  '扫一扫在手机(?:上)?打开当前页',
  '(?:微信)?扫一扫(?:分享|在手机上阅读)',
  '视力保护色[:：]?',
  '分享到[:：]?',
].join('|');
const FURNITURE_INLINE = new RegExp(`(?:${FURNITURE_TOKEN})`, 'g');
export const FURNITURE_LINE = new RegExp(
  [
    `^(?:\\s|${FURNITURE_TOKEN}|打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏本页|收藏|相关阅读|相关链接|【|】|\\|)+$`,
    '^(?:上一篇|下一篇|上一条|下一条)(?:[:：]|\\s|$)',
    '^当前位置[:：]',
    '^您(?:当前)?所在的?位置[:：]',
    '^分享[:：]',
    // page numbers of a PDF or a printed page: `- 3 -`, `第 3 页 共 5 页`, `3 / 5`
    '^[-—–]\\s*\\d{1,3}\\s*[-—–]$',
    '^第\\s*\\d{1,3}\\s*页(?:\\s*[/，,]?\\s*共\\s*\\d{1,3}\\s*页)?$',
    '^\\d{1,3}\\s*/\\s*\\d{1,3}$',
  ].join('|'),
);

/**
 * Past this a line is not page furniture whatever it starts with: a crawler's text of a whole report on one
 * line starts with the breadcrumb (`当前位置： 首页…`) and holds the report after it.
 */
const MAX_FURNITURE_LINE = 200;

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.length <= MAX_FURNITURE_LINE && FURNITURE_LINE.test(t);
}

/** The whole text repair, in an order where each step helps the next. */
export function repairText(text: string): string {
  let out = normalizeSpaces(text);
  out = removePinyin(out);
  if (looksTraditional(out)) out = traditionalToSimplified(out);
  return toHalfWidth(out);
}

/**
 * Repaired text as lines, furniture dropped (line numbers of the kept lines are their 1-based index).
 * `warnings` receives the rows whose run-together figures could not be cut uniquely (run-together-rows.ts).
 */
export function toLines(text: string, warnings: string[] = [], context: RunTogetherContext = {}): string[] {
  return dropStrayPipes(restoreLines(spaceRunTogetherRows(repairText(text), warnings, context)))
    .split('\n')
    .map((line) => {
      if (isFurniture(line)) return '';
      const cut = line.includes('】') || line.includes('扫') || line.includes('分享') ? cutFurniture(line) : line;
      return trimEndSpaces(cut); // trailing tabs stay: they are a row's blank cells
    });
}

/**
 * The line without its trailing spaces (not tabs). A loop, not `/ +$/`: the regular expression tries every run
 * of spaces in the line to its end, quadratic in the run (23 s on a line of 98 KB, issue #19).
 */
export function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return end === line.length ? line : line.slice(0, end);
}

function cutFurniture(line: string): string {
  const cut = line.replace(FURNITURE_INLINE, ' ');
  return cut === line ? line : cut.replace(/ {2,}/g, ' ');
}
