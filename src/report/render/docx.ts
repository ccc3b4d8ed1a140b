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

/** The text area of an A4 page with the GB/T 9704 margins, in twips (210mm − 28mm − 26mm). */
const TEXT_WIDTH = 11906 - 1588 - 1474;

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
const LINE = { line: 579, lineRule: 'exact' as const };
const BLACK = '000000';

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

const BODY_FONT = '仿宋_GB2312';

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true, font: '黑体', size: 24, color: BLACK })] });

/** Word's built-in styles made official: black, the 公文 fonts, no theme colour. */
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
