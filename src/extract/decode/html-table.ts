/**
 * An HTML table as rows of cell texts with rowspan/colspan expanded: a merged cell's text repeats in
 * every position it covers, so each row has one entry per column of the table. Nested tables are read
 * as text of their cell.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/** Spans larger than this are clamped: a damaged page with colspan="99999" must not blow up. */
const MAX_SPAN = 64;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}

export function cellText($: CheerioAPI, cell: Cheerio<Element>): string {
  // <br> inside a header cell joins words split over lines (本年新<br/>制作数量).
  const clone = cell.clone();
  clone.find('br').replaceWith('');
  return clone.text().replace(/\s+/g, ' ').trim();
}

export function tableRows($: CheerioAPI, table: Cheerio<Element>): string[][] {
  const grid: string[][] = [];
  const rows = table.find('tr').filter((_, tr) => $(tr).closest('table').is(table));
  rows.each((r, tr) => {
    grid[r] ??= [];
    let c = 0;
    $(tr)
      .children('td,th')
      .each((_, td) => {
        const cell = $(td);
        while (grid[r][c] !== undefined) c++;
        const text = cellText($, cell);
        const rs = span(cell.attr('rowspan'));
        const cs = span(cell.attr('colspan'));
        for (let dr = 0; dr < rs; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = text;
        }
        c += cs;
      });
  });
  // Holes left by rowspans of a damaged table become empty cells.
  return grid.map((row) => Array.from(row, (v) => v ?? ''));
}
