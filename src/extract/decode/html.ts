/**
 * HTML → text for the reader, in one streaming pass (htmlparser2): scripts, styles and the like dropped;
 * each outermost table becomes one line per row, cells joined by tabs with rowspan/colspan expanded (a
 * merged cell's text repeats in every position it covers); a nested table is text of its cell; other
 * text one line per block element. `<br>` inside a cell joins the words it splits (本年新<br/>制作数量).
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'svg', 'template', 'head', 'title', 'select', 'button']);
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
  'caption',
  'dd',
  'dt',
  'dl',
  'blockquote',
  'pre',
  'center',
  'form',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
]);
/** Spans larger than this are clamped: a damaged page with colspan="99999" must not blow up. */
const MAX_SPAN = 64;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}

class TableGrid {
  readonly rows: string[][] = [];
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
    if (this.cell) this.cell.text += t;
  }

  endCell(): void {
    const cell = this.cell;
    if (!cell) return;
    this.cell = null;
    const row = this.rows[this.r];
    while (row[this.c] !== undefined) this.c++;
    const text = cell.text.replace(/\s+/g, ' ').trim();
    for (let dr = 0; dr < cell.rowspan; dr++) {
      const target = (this.rows[this.r + dr] ??= []);
      for (let dc = 0; dc < cell.colspan; dc++) target[this.c + dc] = text;
    }
    this.c += cell.colspan;
  }

  finish(): string[][] {
    this.endCell();
    return this.rows.map((row) => Array.from(row, (v) => v ?? ''));
  }
}

export interface HtmlContent {
  text: string;
  tables: string[][][];
}

export function parseHtml(html: string): HtmlContent {
  const out: string[] = [];
  const tables: string[][][] = [];
  let skip = 0;
  let table: TableGrid | null = null;
  let nested = 0; // tables inside the outermost one
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skip++;
        if (skip) return;
        if (name === 'table') {
          if (table) nested++;
          else {
            table = new TableGrid();
            out.push('\n');
          }
          return;
        }
        if (table && nested === 0) {
          if (name === 'tr') table.startRow();
          else if (name === 'td' || name === 'th') table.startCell(span(attrs.rowspan), span(attrs.colspan));
          return;
        }
        if (table) {
          if (name === 'td' || name === 'th') table.text(' ');
          return;
        }
        if (name === 'br') out.push('\n');
        else if (BLOCKS.has(name)) out.push('\n');
      },
      ontext(text) {
        if (skip) return;
        if (table) table.text(text);
        else out.push(text);
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          if (skip > 0) skip--;
          return;
        }
        if (skip) return;
        if (name === 'table' && table) {
          if (nested > 0) {
            nested--;
            return;
          }
          const rows = table.finish();
          tables.push(rows);
          out.push(rows.map((row) => row.join('\t')).join('\n'), '\n');
          table = null;
          return;
        }
        if (table && nested === 0 && (name === 'td' || name === 'th')) table.endCell();
        else if (!table && BLOCKS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  if (table) {
    const rows = (table as TableGrid).finish();
    tables.push(rows);
    out.push(rows.map((row) => row.join('\t')).join('\n'));
  }
  return { text: out.join(''), tables };
}

export const htmlToText = (html: string): string => parseHtml(html).text;

/** Every outermost table of the page as rows of cell texts, spans expanded. */
export const htmlTables = (html: string): string[][][] => parseHtml(html).tables;
