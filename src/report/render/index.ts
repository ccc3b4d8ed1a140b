export { renderDocx } from './docx.ts';
export { formatValue, keyedPositions, reportGrids, reportTitle, tableGrid } from './grid.ts';
export { type BodyOptions, renderHtml, renderReportBody } from './html.ts';
export { renderXlsx } from './xlsx.ts';
