/**
 * Chinese search tokens. PostgreSQL's parsers do not segment Chinese, so gongkai segments in TypeScript
 * (Intl.Segmenter, 'zh', word granularity) and stores the tokens joined by spaces; to_tsvector('simple', …)
 * then only splits on those spaces. A name the segmenter cuts differently in a document and in a query
 * (王小明 vs 王 / 小明) is still found by the character fallback: after the words, every Han character of the
 * text with the one after it (王小 小明 明), so that a query's characters side by side are its pairs in a row
 * (a phrase query on pairs). Issue #18: stored one by one, characters as common as 公 and 务 are in almost
 * every item, so the full-text index answered such a phrase with nearly the whole catalog and every item's
 * positions were read to check it (10–25 ms a query on PGlite over the demo county's 3,000 short items); pairs
 * are rare enough for the index to answer. Each character still starts one token, so a lone character is
 * found as a prefix ('王':*) wherever it stands. Stored text from before is rewritten by
 * drizzle/0020_search_char_pairs.sql.
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
 * The text stored for to_tsvector('simple', …): the words, then a separator, then every Han character with
 * the next one of its run ('|' after each run).
 *
 * @example
 * documentTokens('关于王小明同志任职的通知') // '关于 王 小明 同志 任职 的 通知 | 关于 于王 王小 小明 明同 同志 志任 任职 职的 的通 通知 知 |'
 */
export function documentTokens(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join('\n').slice(0, MAX_INDEXED_CHARS);
  const words = wordTokens(text);
  // Each run's pairs then '|', all spaced: built as strings, not an array of every character.
  const chars = (text.match(HAN_RUN) ?? []).map((run) => `${runPairs(run)} |`);
  return `${words.join(' ')} | ${chars.join(' ')}`;
}

const HAN_RUN = /\p{Script=Han}+/gu;
/**
 * Each character of a run with the one after it, the last alone: 王小明 → '王小 小明 明'. By code point when the
 * run holds a surrogate pair; otherwise by a loop over UTF-16 units, faster than the regular expression.
 */
function runPairs(run: string): string {
  if (/[\ud800-\udfff]/.test(run)) return run.replace(PAIR, '$1$2 ');
  let out = '';
  for (let i = 0; i < run.length - 1; i++) out += `${run[i]}${run[i + 1]} `;
  return out + run[run.length - 1];
}
const PAIR = /(.)(?=(.))/gu;

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
 * queryTokens('王小明 任职') // "('王':* & '小明' & '任职') | (('王小' <-> '小明') & ('任职'))"
 */
export const queryTokens = (input: string): string | null => searchQueries(input)?.inOrder ?? null;

/**
 * queryTokens with each run's pairs asked for anywhere in the item, not side by side: every item the query
 * matches matches this one too, and the full-text index alone tells which do — a phrase it can only narrow
 * down, leaving each item's vector to be read and checked (src/catalog/search.ts counts a query's matches so).
 *
 * @example
 * pairsAnywhere('王小明 任职') // "('王':* & '小明' & '任职') | (('王小' & '小明') & ('任职'))"
 */
export const pairsAnywhere = (input: string): string | null => searchQueries(input)?.anywhere ?? null;

/** Both tsqueries of what a visitor typed (queryTokens and pairsAnywhere), its words segmented once. */
export function searchQueries(input: string): { inOrder: string; anywhere: string } | null {
  const words = [...new Set(typedWords(input))];
  if (words.length === 0) return null;
  const wordsQuery = words.map(wordTerm).join(' & ');
  const runs = hanRuns(input);
  if (runs.length === 0) return { inOrder: wordsQuery, anywhere: wordsQuery };
  const nonHan = words.filter((w) => !HAN.test(w)).map(quote);
  const query = (pairJoin: string) => {
    const phrases = [...runs.map((run) => runPhrase(run, pairJoin)), ...nonHan];
    return `(${wordsQuery}) | (${phrases.map((p) => `(${p})`).join(' & ')})`;
  };
  return { inOrder: query(' <-> '), anywhere: query(' & ') };
}

/**
 * A word of the query. A lone Han character is asked for wherever it stands, as the start of a token (the
 * stored pairs start with every character of a run), as the characters stored alone were found before.
 */
const wordTerm = (word: string) => (HAN.test(word) && [...word].length === 1 ? startOfPair(word) : quote(word));

/** A Han character wherever it stands: every stored pair (or a run's last character) starts with one. */
const startOfPair = (char: string) => `${quote(char)}:*`;

/** A run's characters: its pairs joined by `join` (side by side: `<->`), or a lone character as the start of a pair. */
const runPhrase = (run: string[], join: string) =>
  run.length === 1
    ? startOfPair(run[0])
    : run
        .slice(0, -1)
        .map((c, i) => quote(c + run[i + 1]))
        .join(join);

/** The terms to highlight in a snippet: the words typed and their Han runs, longest first. */
export function highlightTerms(input: string): string[] {
  const terms = new Set<string>();
  for (const w of typedWords(input)) terms.add(w);
  for (const run of input.match(/\p{Script=Han}+/gu) ?? []) terms.add(run);
  return [...terms].sort((a, b) => b.length - a.length);
}
