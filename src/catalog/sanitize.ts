/**
 * The body of a catalog item is HTML typed or pasted by staff and shown on the portal: only an allow-list of
 * tags and attributes survives; scripts, styles, event handlers and links to anything but http(s) and this
 * site are dropped, and so are images from other sites (a tracking pixel in a published item tells a third
 * party who read it: issue #19).
 */
import * as cheerio from 'cheerio';
import { simpleHtmlText } from './simple-html-text.ts';

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'blockquote',
  'pre',
  'code',
  'hr',
  'a',
  'img',
  'figure',
  'figcaption',
]);
/** Dropped with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'form',
  'textarea',
  'select',
  'button',
]);
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  '*': new Set(['title', 'lang', 'dir']),
  a: new Set(['href', 'title']),
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan', 'align']),
  th: new Set(['colspan', 'rowspan', 'align', 'scope']),
  p: new Set(['align']),
  ol: new Set(['start', 'type']),
  col: new Set(['span']),
};

/** The URL as a browser reads its scheme: control characters and spaces dropped, lower case. */
function compactUrl(url: string): string {
  return [...url]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('')
    .toLowerCase();
}

/** An image of this site: a path (not `//host`, not a scheme, no backslash a browser would read as `/`). */
export function sameSiteImage(url: string): boolean {
  const compact = compactUrl(url);
  return compact.startsWith('/') && !compact.startsWith('//') && !compact.includes('\\');
}

/** http(s), site-relative and fragment links only. */
export function safeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme: 'java\tscript:' is javascript:.
  const compact = compactUrl(url);
  if (/^https?:/.test(compact)) return true;
  return !/^[a-z][a-z0-9+.-]*:/.test(compact) && !compact.startsWith('//') && !compact.startsWith('\\');
}

/**
 * HTML safe to show: allowed tags and attributes only; links get rel="noopener noreferrer".
 *
 * @example
 * sanitizeHtml('<p onclick="x()">通知<script>alert(1)</script></p>') // '<p>通知</p>'
 */
export function sanitizeHtml(html: string): string {
  const $ = cheerio.load(html, null, false);
  const clean = (nodes: ReturnType<typeof $>) => {
    nodes.contents().each((_, node) => {
      if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') {
        $(node).remove();
        return;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
      const name = node.name.toLowerCase();
      const el = $(node);
      if (DROPPED_WITH_CONTENT.has(name) || node.type !== 'tag') {
        el.remove();
        return;
      }
      clean(el);
      // An image from another site (or of no address) is dropped; its description stays as text.
      if (name === 'img' && !sameSiteImage(node.attribs.src ?? '')) {
        el.replaceWith(node.attribs.alt ? $('<span></span>').text(node.attribs.alt) : '');
        return;
      }
      if (!ALLOWED_TAGS.has(name)) {
        el.replaceWith(el.contents());
        return;
      }
      for (const attr of Object.keys(node.attribs)) {
        const a = attr.toLowerCase();
        const allowed = ALLOWED_ATTRS['*'].has(a) || ALLOWED_ATTRS[name]?.has(a);
        const value = node.attribs[attr];
        if (!allowed || ((a === 'href' || a === 'src') && !safeUrl(value))) el.removeAttr(attr);
      }
      if (name === 'a' && el.attr('href')) el.attr('rel', 'noopener noreferrer');
    });
  };
  const root = $.root();
  clean(root);
  return (root.html() ?? '').trim();
}

/** The text of an HTML fragment, block elements separated by new lines (for search and PII detection). */
export function htmlToText(html: string): string {
  return tidyText(simpleHtmlText(html) ?? parsedHtmlText(html));
}

const tidyText = (text: string) =>
  text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();

/** htmlToText's text of any fragment, read from the document the HTML parser builds (before tidying). */
export function parsedHtmlText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('script, style').remove();
  $('br').replaceWith('\n');
  $('p, div, li, tr, h1, h2, h3, h4, h5, h6, table, blockquote').each((_, el) => {
    $(el).append('\n');
  });
  $('td, th').each((_, el) => {
    $(el).append(' ');
  });
  return $.root().text();
}

/** Characters of bodies and their sanitized HTML kept by sanitizedBody (about 16 MB of UTF-16 at most). */
export const KEPT_BODY_CHARS = 8_000_000;
const keptBodies = new Map<string, string>();
let keptChars = 0;

/** Characters kept now (tests). */
export const keptBodyChars = () => keptChars;

/**
 * sanitizeHtml of an item's body, kept for the next page that shows the same body (issue #18: parsing it with
 * cheerio was a tenth of an item page's rendering). Keyed by the body itself, so an edited body is sanitized
 * anew; the least recently shown go first past KEPT_BODY_CHARS.
 */
export function sanitizedBody(html: string, most = KEPT_BODY_CHARS): string {
  const hit = keptBodies.get(html);
  if (hit !== undefined) {
    keptBodies.delete(html);
    keptBodies.set(html, hit);
    return hit;
  }
  const clean = sanitizeHtml(html);
  const size = html.length + clean.length;
  if (size > most / 4) return clean;
  keptBodies.set(html, clean);
  keptChars += size;
  for (const [body, kept] of keptBodies) {
    if (keptChars <= most) break;
    keptBodies.delete(body);
    keptChars -= body.length + kept.length;
  }
  return clean;
}
