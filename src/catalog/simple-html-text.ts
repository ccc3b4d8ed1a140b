/**
 * The text of simple HTML read without building a document (issue #18: cheerio's parse was the costliest
 * part of indexing an item, more than segmenting it). Catalog bodies are sanitised HTML: paragraphs, lists,
 * inline formatting, properly nested. For such a fragment the HTML parser's tree is the tags as written, so
 * its text is the text between the tags, with the new lines and spaces htmlToText adds. Anything whose tree
 * the parser could build otherwise — a block inside a paragraph (which closes it), a list item outside a list,
 * a table not written table › thead/tbody/tfoot › tr › td/th or with text between its rows (which the parser
 * moves before the table), a tag left open or closed out of order, a comment, an entity beyond the plain
 * ones, carriage returns — returns null, and the caller parses the document as before.
 */

/** Elements after whose content htmlToText puts a new line. */
const NEWLINE_AFTER = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'table']);
/** Cells: htmlToText puts a space after their content. */
const CELLS = new Set(['td', 'th']);
/** Blocks that may hold blocks without the parser closing anything (a cell's content is read as a body's). */
const CONTAINERS = new Set(['div', 'blockquote', 'li', 'ul', 'ol', 'td', 'th']);
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table']);
/** A table's parts, each with the one parent the parser keeps it under when written so. */
const TABLE_PARENT = new Map<string, (parent: string | undefined) => boolean>([
  ['thead', (p) => p === 'table'],
  ['tbody', (p) => p === 'table'],
  ['tfoot', (p) => p === 'table'],
  ['tr', (p) => p === 'thead' || p === 'tbody' || p === 'tfoot'],
  ['td', (p) => p === 'tr'],
  ['th', (p) => p === 'tr'],
]);
/** Inside these only the table's parts and white space stay where they are written. */
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);
/** The white space the parser leaves in place between a table's parts. */
const TABLE_SPACE = /^[ \t\n\f]*$/;
const INLINE = new Set(['span', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'sub', 'sup', 'font', 'small']);
const VOID = new Set(['br', 'img']);

/** A start or end tag with plain attributes (a quoted value may hold anything but its quote). */
const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ENTITY: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  '#39': "'",
};
/** An `&` that may start a character reference the table above does not decode. */
const OTHER_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|nbsp|#39);)[a-zA-Z0-9#]/;

function decodeText(text: string): string | null {
  if (text.includes('\r') || text.includes('\0')) return null;
  if (!text.includes('&')) return text;
  if (OTHER_REFERENCE.test(text)) return null;
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITY[name]);
}

/**
 * The text htmlToText would read from `html` before its spaces are tidied, or null when `html` is not simple
 * enough to be sure of the parser's tree.
 */
export function simpleHtmlText(html: string): string | null {
  const stack: string[] = [];
  let out = '';
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) {
      const raw = html.slice(at, end);
      if (TABLE_STRUCTURE.has(stack[stack.length - 1]) && !TABLE_SPACE.test(raw)) return null;
      const text = decodeText(raw);
      if (text === null) return null;
      out += text;
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) return null;
    at = TAG.lastIndex;
    const [, closing, rawName, attributes, selfClosing] = m;
    const name = rawName.toLowerCase();
    const parent = stack[stack.length - 1];
    if (closing) {
      if (attributes || selfClosing || parent !== name) return null;
      stack.pop();
      if (NEWLINE_AFTER.has(name)) out += '\n';
      else if (CELLS.has(name)) out += ' ';
    } else if (TABLE_STRUCTURE.has(parent) || TABLE_PARENT.has(name)) {
      // Between a table's parts only its parts: anything else the parser moves out of the table.
      if (selfClosing || !TABLE_PARENT.get(name)?.(parent)) return null;
      stack.push(name);
    } else if (VOID.has(name)) {
      if (name === 'br') out += '\n';
    } else if (selfClosing) {
      return null;
    } else if (BLOCKS.has(name)) {
      if (parent !== undefined && !CONTAINERS.has(parent)) return null;
      if (name === 'li' && parent !== 'ul' && parent !== 'ol') return null;
      stack.push(name);
    } else if (INLINE.has(name)) {
      if (name === 'a' && stack.includes('a')) return null;
      stack.push(name);
    } else {
      return null;
    }
  }
  return stack.length === 0 ? out : null;
}
