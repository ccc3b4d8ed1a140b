/**
 * The report in the official layout as an HTML fragment (no style attributes: the site's CSP forbids them;
 * the console's stylesheet draws the table). Every text is escaped.
 */
import { websiteGrid } from './grid.ts';
import type { WebsiteReport } from './model.ts';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface HtmlOptions {
  /** Mark each computed value 系统统计 (the console; not on the printed report). */
  markComputed?: boolean;
}

export function renderWebsiteHtml(report: WebsiteReport, opts: HtmlOptions = {}): string {
  const grid = websiteGrid(report);
  const out: string[] = [];
  out.push(`<h2 class="report-title">${esc(grid.title)}</h2>`);
  out.push(`<p class="report-subtitle">${esc(grid.subtitle)}</p>`);
  out.push('<div class="table-scroll"><table class="report-table website-report">');
  out.push(`<thead><tr>${grid.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const row of grid.rows) {
    const cells: string[] = [];
    if (row.section) {
      const span = row.section.rowspan > 1 ? ` rowspan="${row.section.rowspan}"` : '';
      const cols = row.label === null ? ' colspan="2"' : '';
      cells.push(`<th scope="row"${span}${cols}>${esc(row.section.text)}</th>`);
    }
    if (row.label !== null) {
      const indent = row.indent > 1 ? ` class="indent-${row.indent - 1}"` : '';
      cells.push(`<td${indent}>${esc(row.label)}</td>`);
    }
    const source = row.key ? report.sources[row.key] : undefined;
    const mark =
      opts.markComputed && source?.kind === 'computed'
        ? ` <span class="tag" title="${esc(source.query)}">系统统计</span>`
        : '';
    cells.push(`<td class="num"${row.key ? ` data-key="${esc(row.key)}"` : ''}>${esc(row.value)}${mark}</td>`);
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  out.push(
    `<p class="report-signature">${grid.footer.map((f) => `${esc(f.label)}：${esc(f.value)}`).join('　　')}</p>`,
  );
  return out.join('');
}
