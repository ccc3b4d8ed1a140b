/**
 * The official layout of a report's tables as a grid of cells (merged cells with rowspan/colspan),
 * computed once from the template and the report. HTML, DOCX and XLSX all draw this grid, so the three
 * renderings cannot disagree; each value cell carries its canonical key.
 */
import type { CellValue, Report } from '../model.ts';
import type { RowDef, TableDef } from '../template.ts';
import { getTemplate } from '../templates/index.ts';

export interface GridCell {
  text: string;
  rowspan: number;
  colspan: number;
  header: boolean;
  /** The canonical key of a value cell. */
  key?: string;
  numeric?: boolean;
  /** Indentation level of a row label (list tables). */
  indent?: number;
}

export interface Grid {
  table: TableDef;
  caption?: string;
  /** Header rows first, then body rows. Covered positions of merged cells are not listed. */
  rows: GridCell[][];
  headerRows: number;
  /** Total columns of the table. */
  width: number;
}

export function formatValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e4) / 1e4);
  return value;
}

const head = (text: string, rowspan = 1, colspan = 1): GridCell => ({ text, rowspan, colspan, header: true });
const valueCell = (report: Report, key: string): GridCell => ({
  text: formatValue(report.values[key]),
  rowspan: 1,
  colspan: 1,
  header: false,
  key,
  numeric: typeof report.values[key] !== 'string',
});
const labelOf = (row: RowDef) => `${row.numbering ?? ''}${row.label}`;

function rowPrinted(report: Report, table: TableDef, row: RowDef): boolean {
  if (!row.key) return true;
  if (table.kind === 'list') return row.key in report.values;
  return (table.columns ?? []).some((c) => `${row.key}.${c.key}` in report.values);
}

function listGrid(report: Report, table: TableDef): GridCell[][] {
  const printed = table.rows.filter((row) => rowPrinted(report, table, row));
  return printed.map((row) => [
    { text: labelOf(row), rowspan: 1, colspan: 1, header: !row.key, indent: row.level },
    { text: row.key ? (row.unit ?? '') : '', rowspan: 1, colspan: 1, header: false },
    row.key ? valueCell(report, row.key) : { text: '', rowspan: 1, colspan: 1, header: false },
  ]);
}

function matrixGrid(report: Report, table: TableDef): GridCell[][] {
  const labelColumns = table.labelColumns ?? 1;
  let rows = table.rows.filter((row) => rowPrinted(report, table, row));
  // new2021: （六）其他处理 printed as one row or as three sub-rows, never both.
  const hasSubRows = rows.some((r) => r.key?.startsWith('apply.other.'));
  if (hasSubRows) rows = rows.filter((r) => r.key !== 'apply.other');
  const out: GridCell[][] = rows.map(() => []);
  // Group cells span the consecutive rows that share them.
  for (let depth = 0; depth < labelColumns - 1; depth++) {
    let i = 0;
    while (i < rows.length) {
      const group = rows[i].groups?.[depth];
      if (!group) {
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j < rows.length &&
        rows[j].groups?.[depth] === group &&
        rows[j].groups?.slice(0, depth).join() === rows[i].groups?.slice(0, depth).join()
      )
        j++;
      out[i].push(head(group, j - i, 1));
      i = j;
    }
  }
  rows.forEach((row, i) => {
    const groups = row.groups?.length ?? 0;
    out[i].push(head(labelOf(row), 1, labelColumns - groups));
    for (const column of table.columns ?? []) out[i].push(valueCell(report, `${row.key}.${column.key}`));
  });
  return out;
}

function wideGrid(report: Report, table: TableDef): GridCell[][] {
  return [(table.columns ?? []).map((c) => valueCell(report, c.key))];
}

export function tableGrid(report: Report, table: TableDef): Grid {
  const header = table.header.map((r) => r.map((c) => head(c.text, c.rowspan ?? 1, c.colspan ?? 1)));
  const body =
    table.kind === 'list'
      ? listGrid(report, table)
      : table.kind === 'matrix'
        ? matrixGrid(report, table)
        : wideGrid(report, table);
  const width = table.header[0].reduce((s, c) => s + (c.colspan ?? 1), 0);
  return { table, caption: table.caption, rows: [...header, ...body], headerRows: header.length, width };
}

/** Which tables a report prints: those with at least one value present. */
export function reportGrids(report: Report): Grid[] {
  return getTemplate(report.format)
    .tables.filter((table) =>
      table.kind === 'wide'
        ? (table.columns ?? []).some((c) => c.key in report.values)
        : table.rows.some((row) => row.key && rowPrinted(report, table, row)),
    )
    .map((table) => tableGrid(report, table));
}

/** The report's title as offices print it. */
export function reportTitle(report: Report): string {
  return `${report.issuer}${report.year}年政府信息公开工作年度报告`;
}

/**
 * Positions of every keyed cell in the grid, resolving rowspan/colspan: key → [row, column] (0-based, body
 * and header rows together). Used to read a rendering back.
 */
export function keyedPositions(grid: Grid): Map<string, [number, number]> {
  const taken: boolean[][] = [];
  const positions = new Map<string, [number, number]>();
  grid.rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r][c]) c++;
      if (cell.key) positions.set(cell.key, [r, c]);
      for (let dr = 0; dr < cell.rowspan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) taken[r + dr][c + dc] = true;
      }
      c += cell.colspan;
    }
  });
  return positions;
}
