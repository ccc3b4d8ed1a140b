/**
 * One 政府网站工作年度报表: a 网站主办单位's report for a year, its values by key (src/standards/website-report/
 * layout.ts) and where each came from — computed by the platform (with the query in words) or entered by a
 * person (who, when, from which source system).
 */

export type WebsiteValue = number | boolean | string | null;

export type WebsiteSource =
  | { kind: 'computed'; query: string }
  | { kind: 'entered'; source: string; by: number | null; byName?: string | null; at: string | null };

export interface WebsiteReport {
  agencyId: number;
  agencyName: string;
  year: number;
  status: 'draft' | 'locked';
  /** The stored row's version (0: nothing entered yet); a save names the version its form was shown. */
  version: number;
  values: Record<string, WebsiteValue>;
  sources: Record<string, WebsiteSource>;
}

/** A figure as entered and stored: the value and its source system. */
export interface EnteredFigure {
  value: WebsiteValue;
  source: string;
}

export const reportTitle = (r: Pick<WebsiteReport, 'year' | 'agencyName'>) =>
  `${r.agencyName}${r.year}年度政府网站工作年度报表`;

/** A value as printed: 是/否 for yes/no, the number as is, blank for none. */
export function displayValue(value: WebsiteValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}
