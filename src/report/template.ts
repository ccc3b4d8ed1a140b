/**
 * How a statistical template is described: as data. A template is a list of tables; a table has a header
 * (rows of cells, merged cells with rowspan/colspan as on the official form) and rows. The renderer draws
 * the official layout from this, the extractor matches labels and aliases, the rule check and the JSON
 * Schema take their keys from it.
 */
import type { TemplateId, Unit } from './model.ts';

/** count: integer ≥ 0; amount: 万元, may be decimal; change: 本年增/减, may be negative. */
export type ValueKind = 'count' | 'amount' | 'change';

export interface HeaderCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export interface RowDef {
  /**
   * Canonical key. In a `list` table the value key itself; in a `matrix` table the row part of
   * `<row>.<column>`. Heading rows (no value) have no key.
   */
  key?: string;
  /** The official label, numbering stripped. */
  label: string;
  /** The numbering as printed: `（一）`, `1.`, `其中：`, `一、`. */
  numbering?: string;
  /** Label variants met in real reports (numbering stripped). */
  aliases?: string[];
  /**
   * A name that is unambiguous outside the table, for messages (`办理结果总计` for the row `（七）总计`).
   * Defaults to the label.
   */
  name?: string;
  unit?: Unit;
  kind?: ValueKind;
  /** Depth in the hierarchy: 0 for a section heading, 1 for （一）, 2 for 1., 3 for 其中 rows. */
  level: number;
  /** Only in some local variants or printing styles; absent rows are normal. */
  optional?: boolean;
  /**
   * Matrix tables: the enclosing labels, outermost first, drawn as row-spanning cells on the left
   * (`['三、本年度办理结果', '（三）不予公开']`).
   */
  groups?: string[];
}

export interface ColumnDef {
  /** Matrix: the column part of the key. Wide tables: the full key. */
  key: string;
  label: string;
  aliases?: string[];
  kind?: ValueKind;
  unit?: Unit;
}

/**
 * list: one value per row (the old 统计表: 统计指标 | 单位 | 统计数).
 * matrix: rows × columns, key `<row>.<column>` (section 二 tables, the application table).
 * wide: a single row of values whose columns carry full keys (section 四).
 */
export type TableKind = 'list' | 'matrix' | 'wide';

export interface TableDef {
  id: string;
  kind: TableKind;
  /** The report section the table belongs to (`二、主动公开政府信息情况`). */
  section: string;
  /** A caption above the table (`第二十条第（一）项`). */
  caption?: string;
  header: HeaderCell[][];
  rows: RowDef[];
  columns?: ColumnDef[];
  /** How many header columns the row labels take in a matrix table (groups + label). */
  labelColumns?: number;
}

export interface TemplateDef {
  id: TemplateId;
  name: string;
  /** The instrument that set the format. */
  basis: string;
  /** Report years the template is normally used for (inclusive; null = open). */
  years: [number, number | null];
  /** The section headings of the report, in order. */
  sections: string[];
  tables: TableDef[];
}

/** What is known of one canonical key. */
export interface KeyInfo {
  key: string;
  table: string;
  /** A label a clerk recognises: the row label, with the column label for matrix cells. */
  label: string;
  unit?: Unit;
  kind: ValueKind;
  optional: boolean;
}
