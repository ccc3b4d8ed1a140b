/**
 * HTML → lines for the reader, in one streaming pass (htmlparser2, the parser cheerio is built on; a
 * streaming pass keeps 10,000-level nesting and 10,000-file batches cheap):
 * - script, style, nav and the like are dropped;
 * - a data table becomes one line per row, cells joined by tabs, rowspan/colspan expanded (a merged cell's
 *   text repeats in every slot it covers), its caption a line before it;
 * - a layout table (one holding another table, as old government sites lay out their pages) is not a grid:
 *   the rows read so far are written out when the inner table starts, the inner table is read as a table
 *   of its own, and the outer table goes on afterwards;
 * - inside a cell, `<br>` and block elements join what they split: with nothing between Han characters
 *   (`本年新<br/>制作数量` → `本年新制作数量`), with a space otherwise — except in a long cell of several
 *   blocks (an article laid out in a table cell), whose blocks stay lines;
 * - other text one line per block element or `<br>`; runs of white space collapse as a browser shows them
 *   (kept inside `<pre>`);
 * - a page nesting elements more than 2,000 deep (no real page does; the parser's work grows with the
 *   square of the depth) is read flat: tags dropped, cells to tabs, rows and blocks to lines.
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'math',
  'template',
  'head',
  'title',
  'select',
  'button',
  'nav',
  'object',
  'embed',
  'canvas',
  'map',
  'audio',
  'video',
  'textarea',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'dd',
  'dt',
  'dl',
  'blockquote',
  'pre',
  'center',
  'form',
  'aside',
  'main',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
  'address',
  'fieldset',
  'legend',
  'details',
  'summary',
]);
/** Spans larger than this are clamped: a damaged page with colspan="99999" must not blow up. */
const MAX_SPAN = 64;
/** Marks a `<br>` or block boundary inside a cell until the cell's text is normalised. */
const SOFT = '\ue000'; // a private-use character: never in a page's text that matters
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3007]/;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}

/** A cell's text on one line: breaks between Han characters vanish, other white space becomes one space. */
const GAP = /[\s\ue000]/;

export function cellText(raw: string): string {
  if (!GAP.test(raw)) return raw; // most cells: a figure or a label on one line
  return raw
    .replace(/[\s\ue000]+/g, (gap, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + gap.length];
      if (before === undefined || after === undefined) return '';
      return HAN.test(before) && HAN.test(after) ? '' : ' ';
    })
    .trim();
}

/**
 * A cell's content: one line for a table cell; for a long cell of several blocks (an old site puts the
 * whole article in one cell: over 150 characters in two blocks, or over 80 in three) one line per block,
 * as outside tables.
 */
export function cellContent(raw: string): string {
  const joined = cellText(raw);
  if (joined.length <= 80 || !raw.includes(SOFT)) return joined;
  const blocks = raw
    .split(SOFT)
    .map(cellText)
    .filter((line) => line !== '');
  return blocks.length >= 3 || (blocks.length === 2 && joined.length > 150) ? blocks.join('\n') : joined;
}

class TableGrid {
  rows: string[][] = [];
  /** For each slot, the column its cell starts at (a slot a colspan covers past its first has a smaller one). */
  private starts: number[][] = [];
  caption = '';
  inCaption = false;
  /** True once a table was found inside this one. */
  layout = false;
  private r = -1;
  private c = 0;
  private cell: { text: string; rowspan: number; colspan: number } | null = null;

  startRow(): void {
    this.endCell();
    this.r++;
    this.c = 0;
    this.rows[this.r] ??= [];
  }

  startCell(rowspan: number, colspan: number): void {
    this.endCell();
    if (this.r < 0) this.startRow();
    this.cell = { text: '', rowspan, colspan };
  }

  text(t: string): void {
    if (this.inCaption) this.caption += t;
    else if (this.cell) this.cell.text += t;
  }

  /** A soft break inside the current cell. */
  soft(): void {
    if (this.inCaption) this.caption += SOFT;
    else if (this.cell) this.cell.text += SOFT;
  }

  endCell(): void {
    const cell = this.cell;
    if (!cell) return;
    this.cell = null;
    const row = this.rows[this.r];
    while (row[this.c] !== undefined) this.c++;
    const text = cellContent(cell.text);
    for (let dr = 0; dr < cell.rowspan; dr++) {
      let target = this.rows[this.r + dr];
      if (!target) {
        target = [];
        this.rows[this.r + dr] = target;
      }
      let starts = this.starts[this.r + dr];
      if (!starts) {
        starts = [];
        this.starts[this.r + dr] = starts;
      }
      for (let dc = 0; dc < cell.colspan; dc++) {
        target[this.c + dc] = text;
        starts[this.c + dc] = this.c;
      }
    }
    this.c += cell.colspan;
  }

  /**
   * A number repeated into the second slot of its colspan, under a header cell merged over the same columns
   * (`本年增/减量` over two columns, `行政许可 11 3 15` printed as 11 | 3 3 | 15): one value, written once, so
   * the row's numbers stay in the header's order (issue #16: the decisions were read as 3, not 15). A label or a
   * header spanning columns still repeats in each slot.
   */
  private mergedLikeHeader(r: number, c: number, v: string): boolean {
    const start = this.starts[r]?.[c];
    if (start === undefined || start === c || !/^-?\d+(?:\.\d+)?\s*(?:%|个|项|件|条|次|元|万元)?$/.test(v))
      return false;
    for (let above = r - 1; above >= 0; above--) {
      const s = this.starts[above]?.[c];
      if (s === undefined) continue;
      return s === start && this.starts[above]?.[start] === start;
    }
    return false;
  }

  /** Rows complete so far as lines (empty rows dropped), the caption first. */
  private lines(upTo: number): string[] {
    const out: string[] = [];
    const caption = cellText(this.caption);
    if (caption) out.push(caption);
    this.caption = '';
    for (let i = 0; i < upTo && i < this.rows.length; i++) {
      const row = this.rows[i] ?? [];
      let line = '';
      let filled = false;
      for (let c = 0; c < row.length; c++) {
        const v = row[c] ?? ''; // a hole: a slot no cell covered
        if (this.mergedLikeHeader(i, c, v)) continue;
        if (v) filled = true;
        line = c === 0 ? v : `${line}\t${v}`;
      }
      if (filled) out.push(line);
    }
    return out;
  }

  /**
   * A table starts inside this one: this is a layout table. What it holds so far is written out — the
   * finished rows, then the cells of the current row and the text of the current cell — and the grid goes
   * on from the current position.
   */
  flushForNested(): string[] {
    this.layout = true;
    const out = this.lines(Math.max(this.r, 0));
    const current = (this.rows[this.r] ?? []).filter((v) => v);
    if (current.length) out.push(current.join('\t'));
    if (this.cell) {
      const partial = cellContent(this.cell.text);
      if (partial) out.push(partial);
      this.cell.text = '';
    }
    // Keep what spans of earlier rows reserved below; the current row's written cells stay reserved, empty.
    const rest = this.rows.slice(this.r + 1);
    const row = Array.from(this.rows[this.r] ?? [], () => '');
    this.rows = [row, ...rest];
    this.r = 0;
    return out;
  }

  finish(): string[] {
    this.endCell();
    return this.lines(this.rows.length);
  }

  /** The grid with holes filled: call after finish(). */
  grid(): string[][] {
    return this.rows.map((row) => Array.from(row, (v) => v ?? ''));
  }
}

export interface HtmlContent {
  text: string;
  /** The data tables (those holding no other table) as rows of cell texts, spans expanded. */
  tables: string[][][];
}

const VOID = new Set([
  'br',
  'img',
  'meta',
  'link',
  'input',
  'hr',
  'col',
  'area',
  'base',
  'wbr',
  'source',
  'embed',
  'param',
  'track',
]);
/** Nesting deeper than this is no document anyone wrote: the parser's stack work grows with its square. */
const MAX_DEPTH = 2_000;

/** True when elements nest deeper than `limit` (a cheap scan, run only on pages with very many tags). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= limit; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= limit) return false;
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(m[2].toLowerCase()) && ++depth > limit) return true;
  }
  return false;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A page nested beyond reason, read without a tree: cells → tabs, rows and blocks → lines, tags dropped. */
function flatText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<(?:br|\/tr|\/p|\/div|\/li|\/h\d|\/table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    })
    .split('\n')
    .map((line) => line.replace(/[^\S\t]+/g, ' ').trim())
    .join('\n');
}

/** What the page's parser calls: the tags and text of a document, as htmlparser2 reports them. */
export interface TagSink {
  onopentag(name: string, attrs: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

/**
 * The reader of tags and text behind `parseHtml`, fed by any parser: HTML through htmlparser2, and DOCX
 * (./docx.ts), whose paragraphs, breaks and tables are given to it as `p`, `br` and `table`/`tr`/`td` with
 * their spans, so both formats become lines by the same rules.
 */
export function textSink(opts: { tables?: boolean } = {}): TagSink & { finish(): HtmlContent } {
  const out: string[] = [];
  const tables: string[][][] = [];
  const stack: TableGrid[] = [];
  let skip = 0;
  let pre = 0;
  const top = (): TableGrid | undefined => stack[stack.length - 1];
  const emit = (lines: string[]) => {
    if (lines.length) out.push('\n', lines.join('\n'), '\n');
  };
  const closeTable = () => {
    const grid = stack.pop();
    if (!grid) return;
    const lines = grid.finish();
    if (opts.tables !== false && !grid.layout) tables.push(grid.grid());
    emit(lines);
  };
  return {
    onopentag(name, attrs) {
      if (SKIP.has(name)) skip++;
      if (skip) return;
      if (name === 'pre' || name === 'listing' || name === 'plaintext') pre++;
      const table = top();
      if (name === 'table') {
        if (table) emit(table.flushForNested());
        stack.push(new TableGrid());
        return;
      }
      if (table) {
        if (name === 'tr') table.startRow();
        else if (name === 'td' || name === 'th') table.startCell(span(attrs.rowspan), span(attrs.colspan));
        else if (name === 'caption') table.inCaption = true;
        else if (name === 'br' || BLOCKS.has(name)) table.soft();
        return;
      }
      if (name === 'br' || name === 'tr' || BLOCKS.has(name)) out.push('\n');
      else if (name === 'td' || name === 'th') out.push('\t'); // a cell outside any table
    },
    ontext(text) {
      if (skip) return;
      const table = top();
      if (table) table.text(text);
      else out.push(pre ? text : text.replace(/\s+/g, ' '));
    },
    onclosetag(name) {
      if (SKIP.has(name)) {
        if (skip > 0) skip--;
        return;
      }
      if (skip) return;
      if ((name === 'pre' || name === 'listing' || name === 'plaintext') && pre > 0) pre--;
      const table = top();
      if (name === 'table') {
        closeTable();
        return;
      }
      if (table) {
        if (name === 'td' || name === 'th') table.endCell();
        else if (name === 'caption') table.inCaption = false;
        else if (BLOCKS.has(name)) table.soft();
      } else if (BLOCKS.has(name) || name === 'tr') out.push('\n');
    },
    finish() {
      while (stack.length) closeTable();
      const text = out
        .join('')
        .split('\n')
        .map((line) => (line.includes('\t') ? line : line.trim()))
        .join('\n');
      return { text, tables };
    },
  };
}

export function parseHtml(html: string, opts: { tables?: boolean } = {}): HtmlContent {
  if (nestsDeeperThan(html, MAX_DEPTH)) return { text: flatText(html), tables: [] };
  const sink = textSink(opts);
  const parser = new Parser(sink, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return sink.finish();
}

export const htmlToText = (html: string): string => parseHtml(html, { tables: false }).text;

/** Every data table of the page as rows of cell texts, spans expanded. */
export const htmlTables = (html: string): string[][][] => parseHtml(html).tables;
