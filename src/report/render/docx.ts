/**
 * The report as a DOCX document in the official layout (GB/T 9704-2012 《党政机关公文格式》), for offices
 * that edit in WPS or Word: A4 with the standard margins (天头37mm, 订口28mm), title in 方正小标宋简体 2号,
 * headings in 黑体 3号, body in 仿宋_GB2312 3号 at a fixed 28.95-point line, all black (Word's built-in
 * heading and title styles are redefined: no blue, no theme fonts), tables with the merged header cells of
 * the forms and row-label columns wide enough for the labels.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Report } from '../model.ts';
import { getTemplate } from '../templates/index.ts';
import { BLACK, BODY_FONT, GB9704_PAGE, GB9704_STYLES, LINE, TEXT_WIDTH } from './gb9704.ts';
import { type Grid, reportGrids, reportTitle } from './grid.ts';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cellParagraph(text: string, bold: boolean, indent = 0): Paragraph {
  return new Paragraph({
    alignment: indent ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: indent ? { left: indent * 240 } : undefined,
    children: [new TextRun({ text, bold, font: '宋体', size: 21, color: BLACK })],
  });
}

/**
 * Column widths in twips: the row-label columns take 45% of the line (the label itself, the last of them,
 * twice the share of a group column), the figures share the rest.
 */
export function columnWidths(grid: Grid): number[] {
  const table = grid.table;
  const labels = table.kind === 'matrix' ? (table.labelColumns ?? 1) : table.kind === 'list' ? 1 : 0;
  const figures = grid.width - labels;
  if (labels === 0 || figures <= 0)
    return Array.from({ length: grid.width }, () => Math.floor(TEXT_WIDTH / grid.width));
  const labelArea = Math.round(TEXT_WIDTH * (figures === 1 ? 0.7 : 0.45));
  const shares = Array.from({ length: labels }, (_, i) => (i === labels - 1 ? 2 : 1));
  const unit = labelArea / shares.reduce((a, b) => a + b, 0);
  const figure = Math.floor((TEXT_WIDTH - labelArea) / figures);
  return [...shares.map((s) => Math.floor(s * unit)), ...Array.from({ length: figures }, () => figure)];
}

function gridTable(grid: Grid): Table {
  const widths = columnWidths(grid);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: grid.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < grid.headerRows,
          children: row.map(
            (cell) =>
              new TableCell({
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                borders: BORDERS,
                verticalAlign: VerticalAlign.CENTER,
                children: [cellParagraph(cell.text, r < grid.headerRows, cell.indent ?? 0)],
              }),
          ),
        }),
    ),
  });
}

/** 3号 is 16 points; a fixed line of 28.95 points (22 lines to the page). */

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: '黑体', size: 32, color: BLACK })],
  });

function body(text: string | undefined): Paragraph[] {
  const paras = (text ?? '（未填写）').split(/\n+/).filter((p) => p.trim());
  return paras.map(
    (p) =>
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: LINE,
        children: [new TextRun({ text: p.trim(), font: BODY_FONT, size: 32, color: BLACK })],
      }),
  );
}

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true, font: '黑体', size: 24, color: BLACK })] });

export async function renderDocx(report: Report): Promise<Buffer> {
  const template = getTemplate(report.format);
  const grids = reportGrids(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      spacing: { after: 579 },
      children: [new TextRun({ text: reportTitle(report), font: '方正小标宋简体', size: 44, color: BLACK })],
    }),
  ];
  const tables = (section?: string) => {
    for (const grid of grids.filter((g) => !section || g.table.section === section)) {
      if (grid.caption) children.push(caption(grid.caption));
      children.push(gridTable(grid), new Paragraph({ children: [] }));
    }
  };
  if (report.format === 'old2008') {
    children.push(heading(template.sections[0]), ...body(report.narrative?.overview));
    children.push(heading('政府信息公开情况统计表'));
    tables();
    children.push(heading(template.sections[5]), ...body(report.narrative?.problems));
    children.push(heading(template.sections[6]), ...body(report.narrative?.other));
  } else {
    const [overview, proactive, apply, review, problems, other] = template.sections;
    children.push(heading(overview), ...body(report.narrative?.overview));
    for (const section of [proactive, apply, review]) {
      children.push(heading(section));
      tables(section);
    }
    children.push(heading(problems), ...body(report.narrative?.problems));
    children.push(heading(other), ...body(report.narrative?.other));
  }
  const doc = new Document({
    creator: 'gongkai',
    title: reportTitle(report),
    styles: GB9704_STYLES,
    sections: [
      {
        properties: {
          page: GB9704_PAGE,
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
