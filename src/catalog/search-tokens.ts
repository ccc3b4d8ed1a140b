/**
 * Chinese search tokens. PostgreSQL's parsers do not segment Chinese, so gongkai segments in TypeScript
 * (Intl.Segmenter, 'zh', word granularity) and stores the tokens joined by spaces; to_tsvector('simple', …)
 * then only splits on those spaces. A name the segmenter cuts differently in a document and in a query
 * (王小明 vs 王 / 小明) is still found by the single-character fallback: every Han character of the text,
 * in order, after the words — a query's characters must then stand next to each other (a phrase query).
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
/** Characters that would be operators inside to_tsquery or break the 'simple' parser's words. */
const STRIP = /[^\p{L}\p{N}]+/gu;
/** Indexed text is capped: tsvector positions stop at 16,383. */
export const MAX_INDEXED_CHARS = 6000;

/**
 * Where a text may be cut into pieces segmented apart with the same words as the whole: after a line break
 * (Unicode word boundaries always fall on both sides of one, UAX #29 WB3a/b), and after 。 before a Han
 * character or a punctuation mark (none of them joins onto the 。 or across it, and the dictionary's runs of
 * Han stop at it); not before a mark that joins onto what precedes it (WB4).
 */
const PIECE_END = /\n|。(?=[\p{Script=Han}\p{P}])/gu;

/**
 * The pieces of `text` cut at PIECE_END. Issue #18: Intl.Segmenter costs more per character the longer the
 * string (0.45 µs a character at 300, 1.4 µs at 9,600), so a long item's text is segmented by the piece.
 */
function pieces(text: string): string[] {
  if (text.length <= 200) return [text];
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(PIECE_END)) {
    const end = m.index + m[0].length;
    if (end - start >= 100) {
      out.push(text.slice(start, end));
      start = end;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The word tokens of `text`, lower-cased, in order (punctuation and spaces dropped). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    for (const s of segmenter.segment(piece)) {
      if (!s.isWordLike) continue;
      const token = s.segment.toLowerCase().replace(STRIP, '');
      if (token) out.push(token);
    }
  }
  return out;
}

/** wordTokens of the whole text at once, as before it was cut into pieces (for the tests' comparison). */
export function wordTokensWhole(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const token = s.segment.toLowerCase().replace(STRIP, '');
    if (token) out.push(token);
  }
  return out;
}

/** Runs of Han characters in `text`, each as its characters. */
export function hanRuns(text: string): string[][] {
  return (text.match(/\p{Script=Han}+/gu) ?? []).map((run) => [...run]);
}

/**
 * The text stored for to_tsvector('simple', …): the words, then a separator, then every Han character.
 *
 * @example
 * documentTokens('关于王小明同志任职的通知') // '关于 王 小明 同志 任职 的 通知 | 关 于 王 小 明 同 志 任 职 的 通 知'
 */
export function documentTokens(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join('\n').slice(0, MAX_INDEXED_CHARS);
  const words = wordTokens(text);
  // Each run's characters then '|', all spaced: built as strings, not an array of every character.
  const chars = (text.match(HAN_RUN) ?? []).map((run) => `${spaced(run)} |`);
  return `${words.join(' ')} | ${chars.join(' ')}`;
}

const HAN_RUN = /\p{Script=Han}+/gu;
/** A run's characters with a space between each (split by code point only when it holds a surrogate pair). */
const spaced = (run: string) => (/[\ud800-\udfff]/.test(run) ? [...run] : run.split('')).join(' ');

const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Queries whose words are kept (the least recently segmented out first). */
const KEPT_QUERIES = 1000;
const queryWords = new Map<string, readonly string[]>();

/**
 * The words of what a visitor typed, segmented once for the tsquery and the highlighting both, and kept for its
 * next page: each segmentation of even a few characters costs ~60 µs (the segmenter's state made anew).
 */
function typedWords(input: string): readonly string[] {
  let words = queryWords.get(input);
  if (!words) {
    words = wordTokens(input);
    if (input.length <= 200) {
      queryWords.set(input, words);
      if (queryWords.size > KEPT_QUERIES) queryWords.delete(queryWords.keys().next().value as string);
    }
  }
  return words;
}

/**
 * The tsquery (text for to_tsquery('simple', …)) of what a visitor typed: all words, or — for Chinese runs —
 * their characters side by side; null when nothing searchable is left.
 *
 * @example
 * queryTokens('王小明 任职') // "('王' & '小明' & '任职') | ('王' <-> '小' <-> '明' & '任' <-> '职')"
 */
export function queryTokens(input: string): string | null {
  const words = [...new Set(typedWords(input))];
  if (words.length === 0) return null;
  const wordsQuery = words.map(quote).join(' & ');
  const runs = hanRuns(input);
  const nonHan = words.filter((w) => !HAN.test(w));
  if (runs.length === 0) return wordsQuery;
  const phrases = [...runs.map((run) => run.map(quote).join(' <-> ')), ...nonHan.map(quote)];
  return `(${wordsQuery}) | (${phrases.map((p) => `(${p})`).join(' & ')})`;
}

/** The terms to highlight in a snippet: the words typed and their Han runs, longest first. */
export function highlightTerms(input: string): string[] {
  const terms = new Set<string>();
  for (const w of typedWords(input)) terms.add(w);
  for (const run of input.match(/\p{Script=Han}+/gu) ?? []) terms.add(run);
  return [...terms].sort((a, b) => b.length - a.length);
}
