/**
 * The report as a DOCX document in the official layout, for offices that edit in WPS or Word: A4,
 * 方正小标宋/宋体 title, 黑体 headings, 仿宋 body, tables with the merged header cells of the forms.
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
    children: [new TextRun({ text, bold, font: '宋体', size: 21 })],
  });
}

function gridTable(grid: Grid): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
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

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, font: '黑体', size: 32 })] });

function body(text: string | undefined): Paragraph[] {
  const paras = (text ?? '（未填写）').split(/\n+/).filter((p) => p.trim());
  return paras.map(
    (p) =>
      new Paragraph({
        indent: { firstLine: 640 },
        children: [new TextRun({ text: p.trim(), font: '仿宋', size: 32 })],
      }),
  );
}

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true, font: '宋体', size: 24 })] });

export async function renderDocx(report: Report): Promise<Buffer> {
  const template = getTemplate(report.format);
  const grids = reportGrids(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: reportTitle(report), font: '方正小标宋简体', size: 44 })],
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
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
