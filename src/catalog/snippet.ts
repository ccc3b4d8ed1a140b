/** Search-result snippets: a window of the text around the first match, HTML-escaped, matches in <mark>. */

import { escapeHtml } from '../escape-html.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A snippet of `text` (about `width` characters) around the first of `terms`, with every term marked.
 *
 * @example
 * highlight('关于做好2025年<春耕>工作的通知', ['春耕']) // '关于做好2025年&lt;<mark>春耕</mark>&gt;工作的通知'
 */
export function highlight(text: string, terms: string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const usable = terms.filter(Boolean);
  if (usable.length === 0) return escapeHtml(flat.slice(0, width));
  const re = new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  const first = flat.search(re);
  const from = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const piece = flat.slice(from, from + width);
  let out = from > 0 ? '…' : '';
  let at = 0;
  for (const m of piece.matchAll(re)) {
    out += `${escapeHtml(piece.slice(at, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    at = m.index + m[0].length;
  }
  out += escapeHtml(piece.slice(at));
  return from + width < flat.length ? `${out}…` : out;
}
