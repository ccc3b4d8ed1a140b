/**
 * The one escaping of text for HTML and XML: `& < > " '` as entities, so the result is safe both as text and
 * inside a quoted attribute value. Every page, letter, feed and report fragment built as a string uses it
 * (hono/jsx escapes what it renders itself).
 *
 * @example
 * escapeHtml(`<a href="x">O'Brien & 张三</a>`) // '&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; 张三&lt;/a&gt;'
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
