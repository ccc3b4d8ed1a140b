/**
 * The report in the official layout as an HTML fragment (no style attributes: the site's CSP forbids them;
 * the console's stylesheet draws the table). Every text is escaped.
 */

import { escapeHtml } from '../../escape-html.ts';
import { websiteGrid } from './grid.ts';
import type { WebsiteReport } from './model.ts';

export interface HtmlOptions {
  /** Mark each computed value 系统统计 (the console; not on the printed report). */
  markComputed?: boolean;
}

export function renderWebsiteHtml(report: WebsiteReport, opts: HtmlOptions = {}): string {
  const grid = websiteGrid(report);
  const out: string[] = [];
  out.push(`<h2 class="report-title">${escapeHtml(grid.title)}</h2>`);
  out.push(`<p class="report-subtitle">${escapeHtml(grid.subtitle)}</p>`);
  out.push('<div class="table-scroll"><table class="report-table website-report">');
  out.push(
    `<thead><tr>${grid.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const row of grid.rows) {
    const cells: string[] = [];
    if (row.section) {
      const span = row.section.rowspan > 1 ? ` rowspan="${row.section.rowspan}"` : '';
      const cols = row.label === null ? ' colspan="2"' : '';
      cells.push(`<th scope="row"${span}${cols}>${escapeHtml(row.section.text)}</th>`);
    }
    if (row.label !== null) {
      const indent = row.indent > 1 ? ` class="indent-${row.indent - 1}"` : '';
      cells.push(`<td${indent}>${escapeHtml(row.label)}</td>`);
    }
    const source = row.key ? report.sources[row.key] : undefined;
    const mark =
      opts.markComputed && source?.kind === 'computed'
        ? ` <span class="tag" title="${escapeHtml(source.query)}">系统统计</span>`
        : '';
    cells.push(
      `<td class="num"${row.key ? ` data-key="${escapeHtml(row.key)}"` : ''}>${escapeHtml(row.value)}${mark}</td>`,
    );
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  out.push(
    `<p class="report-signature">${grid.footer.map((f) => `${escapeHtml(f.label)}：${escapeHtml(f.value)}`).join('　　')}</p>`,
  );
  return out.join('');
}
