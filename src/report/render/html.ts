/**
 * The report as a print-ready HTML document in the official layout: title, the narrative sections and
 * the statistical tables with their merged header cells. The portal embeds `renderReportBody`; the CLI
 * and downloads use `renderHtml`.
 */

import { escapeHtml } from '../../escape-html.ts';
import { asciiCss, standaloneCsp } from '../../standalone-html.ts';
import type { Report } from '../model.ts';
import { getTemplate } from '../templates/index.ts';
import { type Grid, type GridCell, reportGrids, reportTitle } from './grid.ts';

/** Indent levels with a class of their own (templates go to 3); a deeper row takes the deepest. */
const INDENT_LEVELS = 4;

/**
 * A row label's indent, as classes rather than a style attribute: the site's Content-Security-Policy allows no
 * inline style (src/web/app.tsx). Shared by the site's stylesheet and the standalone document's.
 */
export const INDENT_CSS = Array.from({ length: INDENT_LEVELS }, (_, i) => {
  const n = i + 1;
  return `table.report-table th.indent-${n},table.report-table td.indent-${n}{padding-left:${0.5 + n * 1.5}em;text-align:left}`;
}).join('\n');

function cellClass(cell: GridCell): string {
  const classes = [
    cell.numeric ? 'num' : '',
    cell.indent ? `indent-${Math.min(Math.max(Math.round(cell.indent), 1), INDENT_LEVELS)}` : '',
  ].filter(Boolean);
  return classes.length ? ` class="${classes.join(' ')}"` : '';
}

/** Options of the on-screen body: the console links each number to the records behind it. */
export interface BodyOptions {
  /** The address of a keyed cell's records, or undefined for a cell without. */
  cellLink?: (key: string) => string | undefined;
}

function gridHtml(grid: Grid, options: BodyOptions = {}): string {
  const rows = grid.rows.map((row, r) => {
    const cells = row.map((cell) => {
      const tag = cell.header || r < grid.headerRows ? 'th' : 'td';
      const attrs = [
        cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '',
        cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '',
        cell.key ? ` data-key="${escapeHtml(cell.key)}"` : '',
        cellClass(cell),
        tag === 'th' && r < grid.headerRows ? ' scope="col"' : '',
      ].join('');
      const href = tag === 'td' && cell.key && cell.text ? options.cellLink?.(cell.key) : undefined;
      const text = escapeHtml(cell.text);
      return `<${tag}${attrs}>${href ? `<a href="${escapeHtml(href)}">${text}</a>` : text}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const caption = grid.caption ? `<caption>${escapeHtml(grid.caption)}</caption>` : '';
  const head = rows.slice(0, grid.headerRows).join('');
  const body = rows.slice(grid.headerRows).join('');
  const table = `<table class="report-table" data-table="${grid.table.id}">${caption}<thead>${head}</thead><tbody>${body}</tbody></table>`;
  // On a narrow screen the table scrolls in its own box, by keyboard too (WCAG 2.1 1.4.10, 2.1.1).
  const name = escapeHtml(grid.caption || grid.table.id);
  return `<div class="table-scroll" role="region" aria-label="${name}" tabindex="0">${table}</div>`;
}

function paragraphs(text: string | undefined): string {
  if (!text) return '<p class="blank">（未填写）</p>';
  return text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('');
}

/** The sections and tables, without the page around them; `options.cellLink` links the numbers (console). */
export function renderReportBody(report: Report, options: BodyOptions = {}): string {
  const table = (grid: Grid) => gridHtml(grid, options);
  const template = getTemplate(report.format);
  const grids = reportGrids(report);
  const bySection = (section: string) =>
    grids
      .filter((g) => g.table.section === section)
      .map(table)
      .join('');
  if (report.format === 'old2008') {
    return [
      `<h2>${escapeHtml(template.sections[0])}</h2>`,
      paragraphs(report.narrative?.overview),
      `<h2>政府信息公开情况统计表</h2>`,
      grids.map(table).join(''),
      `<h2>${escapeHtml(template.sections[5])}</h2>`,
      paragraphs(report.narrative?.problems),
      `<h2>${escapeHtml(template.sections[6])}</h2>`,
      paragraphs(report.narrative?.other),
    ].join('\n');
  }
  const [overview, proactive, apply, review, problems, other] = template.sections;
  return [
    `<h2>${overview}</h2>`,
    paragraphs(report.narrative?.overview),
    `<h2>${proactive}</h2>`,
    bySection(proactive),
    `<h2>${apply}</h2>`,
    bySection(apply),
    `<h2>${review}</h2>`,
    bySection(review),
    `<h2>${problems}</h2>`,
    paragraphs(report.narrative?.problems),
    `<h2>${other}</h2>`,
    paragraphs(report.narrative?.other),
  ].join('\n');
}

export const REPORT_CSS = `
body{font-family:"FangSong","仿宋","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.6;max-width:210mm;margin:0 auto;padding:10mm}
h1{font-family:"SimSun","宋体","Noto Serif CJK SC",serif;text-align:center;font-size:22pt}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt}
table.report-table{border-collapse:collapse;width:100%;margin:8pt 0 16pt;font-size:10.5pt;font-family:"SimSun","宋体","Noto Serif CJK SC",serif}
table.report-table th,table.report-table td{border:1px solid #000;padding:2pt 4pt;text-align:center}
table.report-table td.num{text-align:center}
table.report-table caption{font-weight:bold;text-align:left;padding:4pt 0}
.table-scroll{overflow-x:auto}
@page{size:A4;margin:20mm}
${INDENT_CSS}
`;

/** The standalone document's <style>, in ASCII (src/standalone-html.ts). */
const REPORT_STYLE = asciiCss(REPORT_CSS);

/** The policy of the standalone document when the portal serves it (/reports/:id.html): its <style> by hash. */
export const REPORT_HTML_CSP = standaloneCsp(REPORT_STYLE);

/** A complete, print-ready HTML document. */
export function renderHtml(report: Report): string {
  const title = escapeHtml(reportTitle(report));
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${title}</title><style>${REPORT_STYLE}</style></head>
<body><h1>${title}</h1>
${renderReportBody(report)}
</body></html>
`;
}
