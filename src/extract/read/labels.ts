/**
 * Matching printed row labels to template rows: numbering stripped (`（一）`, `(一)`, `1.`, `1、`,
 * `其中：`, `一、`), spaces and quotes removed, brackets unified; then exact, prefix, truncated and
 * contained matches, in that order of trust.
 */
const NUMBERING =
  /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．](?!\d)|其中[:：]?|[（(]\s*[)）])+/;

export function stripNumbering(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 4; i++) {
    const next = t.replace(NUMBERING, '').trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

export function normalizeLabel(text: string): string {
  return stripNumbering(text)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[:：]/g, '')
    .replace(/\s+/g, '')
    .replace(/\uFFFD/g, '');
}

/** Does the text start with a numbering mark (a heading or a row of its own)? */
export const hasNumbering = (text: string) => NUMBERING.test(text.trim());

export interface Candidate<T> {
  forms: string[];
  item: T;
  index: number;
}

/** Match tiers: 0 exact, 1 text starts with the label, 2 text is a truncated label, 3 text contains it. */
export function matchTier(text: string, forms: string[]): number {
  let best = 99;
  for (const form of forms) {
    if (text === form) return 0;
    if (form.length >= 4 && text.startsWith(form)) best = Math.min(best, 1);
    else if (text.length >= 6 && form.startsWith(text)) best = Math.min(best, 2);
    else if (form.length >= 5 && text.includes(form)) best = Math.min(best, 3);
  }
  return best;
}

/**
 * The candidates tied at the best tier for each label as printed, per candidate list and maximum tier: a
 * batch meets the template's few hundred labels again and again, and trying every label form against each
 * was a tenth of a report's reading. Bounded: a list's map is emptied when it grows past MAX_CACHED (a
 * hostile document of unique labels costs what it did, and memory stays flat over any batch).
 */
const tiedCache = new WeakMap<readonly unknown[], Map<string, readonly Candidate<unknown>[]>>();
const MAX_CACHED = 20_000;

function tiedAtBest<T>(text: string, candidates: Candidate<T>[], maxTier: number): readonly Candidate<T>[] {
  let byLabel = tiedCache.get(candidates);
  if (!byLabel) {
    byLabel = new Map();
    tiedCache.set(candidates, byLabel);
  }
  const key = maxTier === 3 ? text : `${maxTier}\u0000${text}`;
  const cached = byLabel.get(key);
  if (cached) return cached as readonly Candidate<T>[];
  const norm = normalizeLabel(text);
  let bestTier = 99;
  let found: Candidate<T>[] = [];
  if (norm)
    for (const c of candidates) {
      const tier = matchTier(norm, c.forms);
      if (tier > maxTier) continue;
      if (tier < bestTier) {
        bestTier = tier;
        found = [c];
      } else if (tier === bestTier) found.push(c);
    }
  if (byLabel.size >= MAX_CACHED) byLabel.clear();
  byLabel.set(key, found);
  return found;
}

/**
 * The best candidate for a label: lowest tier; among equals, the first after `cursor` in template order
 * (so repeated labels such as 被依法纠错数 resolve to the block being read), else the first. The candidate
 * list must not change once matched against (lists are built once per template, tables.ts).
 */
export function bestMatch<T>(
  text: string,
  candidates: Candidate<T>[],
  cursor: number,
  maxTier = 3,
): Candidate<T> | undefined {
  const found = tiedAtBest(text, candidates, maxTier);
  if (!found.length) return undefined;
  return found.find((c) => c.index > cursor) ?? found[0];
}

/**
 * Splits a label text that holds group labels before the row label (`三、本年 （一）予以公开`,
 * `（四）无法提供 1.本机关不掌握相关政府信息`) into its segments, last first.
 */
const INNER_MARK = /.[（(][一二三四五六七八九十]|.[一二三四五六七八九十]、|.\d[.、．]/;

export function labelSegments(text: string): string[] {
  if (!INNER_MARK.test(text)) return [text];
  const marks = [
    ...text.matchAll(/(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、．](?!\d))/g),
  ].map((m) => m.index!);
  const segments: string[] = [];
  for (const at of marks.reverse()) if (at > 0) segments.push(text.slice(at));
  segments.push(text);
  return segments;
}
