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
import { websiteGrid } from './grid.ts';
import type { WebsiteReport } from './model.ts';

const BLACK = '000000';
const BODY_FONT = '仿宋_GB2312';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
/** The text area of an A4 page with the GB/T 9704 margins, in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;
const WIDTHS = [Math.floor(TEXT_WIDTH * 0.22), Math.floor(TEXT_WIDTH * 0.48), Math.floor(TEXT_WIDTH * 0.3)];
const LINE = { line: 579, lineRule: 'exact' as const };

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const STYLES = {
  default: {
    document: { run: { font: font(BODY_FONT), size: 32, color: BLACK } },
    title: { run: { font: font('方正小标宋简体'), size: 44, color: BLACK, bold: false } },
    heading1: { run: { font: font('黑体'), size: 32, color: BLACK, bold: false } },
    heading2: { run: { font: font('黑体'), size: 32, color: BLACK, bold: false } },
    heading3: { run: { font: font('楷体_GB2312'), size: 32, color: BLACK, bold: false, italics: false } },
    heading4: { run: { font: font(BODY_FONT), size: 32, color: BLACK, bold: true, italics: false } },
    heading5: { run: { font: font(BODY_FONT), size: 32, color: BLACK, italics: false } },
    heading6: { run: { font: font(BODY_FONT), size: 32, color: BLACK, italics: false } },
  },
};

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
    styles: STYLES,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
