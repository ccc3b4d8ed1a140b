/**
 * DOCX made for the tests of ./docx.ts: the renderer's annual reports, and a document with what Word writes
 * beyond them (numbered and bulleted lists, footnotes and endnotes, merged cells by gridSpan and vMerge,
 * tracked changes, a line break, a text box, a nested table), built with the `docx` library.
 */
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number; vMerge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    children: [p(text)],
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalMerge:
      opts.vMerge === 'restart'
        ? VerticalMergeType.RESTART
        : opts.vMerge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
  });

/** A table merged both ways: 项目 over two rows, 本年 over two columns, a 合计 row of one cell over three. */
export const mergedTable = () =>
  new Table({
    rows: [
      new TableRow({ children: [cell('项目', { vMerge: 'restart' }), cell('本年', { columnSpan: 2 })] }),
      new TableRow({ children: [cell('', { vMerge: 'continue' }), cell('新增'), cell('累计')] }),
      new TableRow({ children: [cell('行政许可'), cell('11'), cell('15')] }),
      new TableRow({ children: [cell('合计 26', { columnSpan: 3 })] }),
    ],
  });

export async function richDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '（%2）', alignment: AlignmentType.START },
          ],
        },
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }],
        },
      ],
    },
    footnotes: { 1: { children: [p('数据截至2023年12月31日。')] }, 2: { children: [p('第一段'), p('第二段')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '某县人民政府2023年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('全年主动公开信息'),
              new TextRun({ text: '1234', bold: true }),
              new TextRun('条。'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: '' }),
          new Paragraph({ text: '主动公开', numbering: { reference: 'numbered', level: 0 } }),
          new Paragraph({ text: '规章 0 件', numbering: { reference: 'numbered', level: 1 } }),
          new Paragraph({ text: '规范性文件 3 件', numbering: { reference: 'numbered', level: 1 } }),
          new Paragraph({ text: '依申请公开', numbering: { reference: 'numbered', level: 0 } }),
          new Paragraph({ text: '一项', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: '二项', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({
            children: [
              new TextRun('收到申请'),
              new DeletedTextRun({ text: '99', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
              new InsertedTextRun({ text: '45', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
              new TextRun({ text: '件', break: 0 }),
              new TextRun({ text: '第二行', break: 1 }),
              new TextRun({ children: ['\t', '制表'] }),
              new FootnoteReferenceRun(2),
            ],
          }),
          mergedTable(),
          new Paragraph({ text: '' }),
          new Table({
            rows: [
              new TableRow({
                children: [new TableCell({ children: [p('外层'), mergedTable(), p('其后')] }), cell('右')],
              }),
            ],
          }),
          p('五、存在的主要问题及改进情况'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
