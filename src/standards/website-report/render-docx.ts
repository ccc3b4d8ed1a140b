/**
 * The report as a DOCX document in the official layout, after GB/T 9704-2012 as the disclosure report's
 * (src/report/render/docx.ts): A4 with the standard margins, title in 方正小标宋简体 2号, the table in 仿宋_GB2312
 * (小四), the signature line in 仿宋_GB2312 3号, all black; Word's built-in heading and title styles redefined
 * (no blue, no theme fonts).
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
import { BLACK, BODY_FONT, GB9704_PAGE, GB9704_STYLES, LINE, TEXT_WIDTH } from '../../report/render/gb9704.ts';
import { websiteGrid } from './grid.ts';
import type { WebsiteReport } from './model.ts';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const WIDTHS = [Math.floor(TEXT_WIDTH * 0.22), Math.floor(TEXT_WIDTH * 0.48), Math.floor(TEXT_WIDTH * 0.3)];

function cellText(text: string, opts: { bold?: boolean; indent?: number; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: opts.indent ? { left: opts.indent * 240 } : undefined,
    children: [new TextRun({ text, bold: opts.bold, font: BODY_FONT, size: 24, color: BLACK })],
  });
}

const cell = (p: Paragraph, o: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({
    rowSpan: o.rowSpan && o.rowSpan > 1 ? o.rowSpan : undefined,
    columnSpan: o.columnSpan && o.columnSpan > 1 ? o.columnSpan : undefined,
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    children: [p],
  });

export async function renderWebsiteDocx(report: WebsiteReport): Promise<Buffer> {
  const grid = websiteGrid(report);
  const header = new TableRow({
    tableHeader: true,
    children: grid.header.map((h) => cell(cellText(h, { bold: true, center: true }))),
  });
  const rows = grid.rows.map((row) => {
    const cells: TableCell[] = [];
    if (row.section)
      cells.push(
        cell(cellText(row.section.text, { center: true }), {
          rowSpan: row.section.rowspan,
          columnSpan: row.label === null ? 2 : 1,
        }),
      );
    if (row.label !== null) cells.push(cell(cellText(row.label, { indent: Math.max(0, row.indent - 1) })));
    cells.push(cell(cellText(row.value, { center: true })));
    return new TableRow({ children: cells });
  });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      spacing: { after: 289 },
      children: [new TextRun({ text: grid.title, font: '方正小标宋简体', size: 44, color: BLACK })],
    }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: LINE,
      children: [new TextRun({ text: grid.subtitle, font: BODY_FONT, size: 28, color: BLACK })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: WIDTHS,
      layout: TableLayoutType.FIXED,
      rows: [header, ...rows],
    }),
    new Paragraph({ children: [] }),
    ...[grid.footer.slice(0, 3), grid.footer.slice(3)].map(
      (part) =>
        new Paragraph({
          spacing: LINE,
          children: [
            new TextRun({
              text: part.map((f) => `${f.label}：${f.value}`).join('　　'),
              font: BODY_FONT,
              size: 32,
              color: BLACK,
            }),
          ],
        }),
    ),
  ];
  const doc = new Document({
    creator: 'gongkai',
    title: grid.title,
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
