/**
 * The official layout computed once (pure), drawn by the HTML, DOCX and XLSX renderers: a table of three
 * columns — 栏目 (merged over its rows), 项目, 数据 (with its unit) — and the signature line below it
 * (单位负责人、审核人、填报人、联系电话、填报日期).
 */
import { isHeading, WEBSITE_LAYOUT } from './layout.ts';
import { displayValue, reportTitle, type WebsiteReport, type WebsiteValue } from './model.ts';

export interface GridRow {
  /** The 栏目 cell: set on a section's first row, with the rows it spans; undefined on the rows under it. */
  section?: { text: string; rowspan: number };
  /** The 项目 cell; null when the section's own row spans both label columns. */
  label: string | null;
  indent: number;
  /** The figure as printed, with its unit ('' when blank; headings carry none). */
  value: string;
  /** The value itself (numbers stay numbers in XLSX) and its unit. */
  raw?: WebsiteValue;
  unit?: string;
  key?: string;
  heading: boolean;
}

export interface WebsiteGrid {
  title: string;
  /** 填报单位 and 统计期间 line under the title. */
  subtitle: string;
  header: [string, string, string];
  rows: GridRow[];
  footer: { label: string; value: string }[];
}

const SIGN_KEYS = ['sign.head', 'sign.reviewer', 'sign.filler', 'sign.phone', 'sign.date'];

export function websiteGrid(report: WebsiteReport): WebsiteGrid {
  const lines = WEBSITE_LAYOUT.filter((l) => isHeading(l) || !SIGN_KEYS.includes(l.key));
  const rows: GridRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const section = lines[i].section;
    let j = i;
    while (j < lines.length && lines[j].section === section) j++;
    const group = lines.slice(i, j);
    group.forEach((line, n) => {
      const first = n === 0 ? { text: section, rowspan: group.length } : undefined;
      if (isHeading(line)) {
        // A section's heading row is its 栏目 cell itself; a sub-heading (办件量, 留言办理) is a label row.
        if (n === 0 && line.label === section && group.length > 1) return;
        rows.push({ section: first, label: line.label, indent: line.indent, value: '', heading: true });
        return;
      }
      const v = displayValue(report.values[line.key] ?? null);
      const value = v && line.unit ? `${v} ${line.unit}` : v;
      const own = group.length === 1 && line.label === section;
      rows.push({
        section: first,
        label: own ? null : line.label,
        indent: line.indent,
        value,
        raw: report.values[line.key] ?? null,
        unit: line.unit,
        key: line.key,
        heading: false,
      });
    });
    // The section heading that was dropped: give its 栏目 cell to the next row.
    if (group[0] && isHeading(group[0]) && group[0].label === section && group.length > 1) {
      const firstRow = rows[rows.length - (group.length - 1)];
      firstRow.section = { text: section, rowspan: group.length - 1 };
    }
    i = j;
  }
  const footer = SIGN_KEYS.map((k) => {
    const line = WEBSITE_LAYOUT.find((l) => !isHeading(l) && l.key === k)!;
    return { label: line.label, value: displayValue(report.values[k] ?? null) };
  });
  return {
    title: `${report.year}年度政府网站工作年度报表`,
    subtitle: `填报单位：${report.agencyName}`,
    header: ['栏目', '项目', '数据'],
    rows,
    footer,
  };
}

export { reportTitle };
