/**
 * PDF text from the positions of its items (issue #16 part 2): a table drawn labels first and figures
 * after reads back row by row; a row's figures a little off its label's baseline stay on its line; cells
 * that do not touch are kept apart; a page in reading order keeps its drawing order.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { textPdf } from '../../testing/text-pdf.ts';
import { documentText } from './document.ts';
import { type PositionedText, pageText } from './pdf-layout.ts';

const item = (str: string, x: number, y: number, size = 10, eol = false): PositionedText => ({
  str,
  x,
  y,
  // Helvetica-like: digits half an em, CJK one em.
  width: [...str].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0),
  size,
  ...(eol ? { eol } : {}),
});

describe('a PDF drawn in an order that is not the reading order', () => {
  const rows = ['Licensing', 'Penalty', 'Coercion', 'Fees'];
  // Every label first, then the first column of figures top to bottom, then the second.
  const runs = [
    ...rows.map((text, i) => ({ text, x: 72, y: 700 - 20 * i })),
    ...rows.map((_, i) => ({ text: String(i + 1), x: 200, y: 700 - 20 * i })),
    ...rows.map((_, i) => ({ text: String(10 * i), x: 260, y: 700 - 20 * i })),
  ];

  it('reads back row by row, where the joined text gives a column at a time', async () => {
    const joined = (await extractText(await getDocumentProxy(new Uint8Array(textPdf(runs))), { mergePages: true }))
      .text;
    expect(joined.split('\n').slice(0, 5)).toEqual(['Licensing', 'Penalty', 'Coercion', 'Fees', '1']);
    const { text } = await documentText(textPdf(runs), 'r.pdf');
    expect(text.split('\n')).toEqual(['Licensing 1 0', 'Penalty 2 10', 'Coercion 3 20', 'Fees 4 30']);
  });

  it('rebuilds a page whose glyphs come in any order', () => {
    const rows = ['甲乙', '丙丁', '戊己', '庚辛'];
    const glyphs = rows.flatMap((label, r) => [
      item(label[0], 72, 700 - 20 * r),
      item(label[1], 82, 700 - 20 * r),
      item(String(r + 1), 200, 700 - 20 * r),
      item('0', 205, 700 - 20 * r),
      item(String(r), 260, 700 - 20 * r),
    ]);
    // A fixed shuffle: every fifth glyph, then the next start.
    const order = [0, 1, 2, 3, 4].flatMap((start) => glyphs.filter((_, i) => i % 5 === start));
    expect(pageText(order).split('\n')).toEqual(['甲乙 10 0', '丙丁 20 1', '戊己 30 2', '庚辛 40 3']);
  });
});

describe('a PDF drawn in reading order', () => {
  it('keeps a row whose figures sit off the label baseline on one line (淮安 2024: 2.3 pt at 7.5 pt)', () => {
    const row = [
      item('一、本年新收政府信息公开申请数量', 76.8, 373, 7.5),
      item('3001', 260.3, 370.7, 7.5),
      item('53', 299.6, 370.7, 7.5),
    ];
    expect(pageText(row)).toBe('一、本年新收政府信息公开申请数量 3001 53');
  });

  it('separates cells that do not touch and joins glyphs that do', () => {
    expect(
      pageText([item('主动公开信息数', 72, 700), item('条', 150, 700), item('2026', 200, 700), item('3542', 240, 700)]),
    ).toBe('主动公开信息数 条 2026 3542');
    expect(pageText([item('20', 200, 700), item('26', 210, 700)])).toBe('2026');
  });

  it('adds no space beside a full-width mark whose blank the item width leaves out', () => {
    expect(pageText([item('2024 年，', 72, 700), item('我市', 72 + 45 + 4, 700)])).toBe('2024 年，我市');
  });

  it('keeps a wrapped cell whole and its figures after it, as drawn', () => {
    const page = [
      item('（一）予以公开', 90, 400, 7.5),
      item('1288', 260, 400, 7.5, true),
      item('（二）部分公开（区分处理的，只计这一情', 90, 385, 7.5, true),
      item('形，不计其他情形）', 90, 370, 7.5),
      item('447', 260, 378, 7.5),
      item('7', 300, 378, 7.5, true),
      item('（七）总计', 90, 355, 7.5),
      item('2932', 260, 355, 7.5),
    ];
    expect(pageText(page).split('\n')).toEqual([
      '（一）予以公开 1288',
      '（二）部分公开（区分处理的，只计这一情',
      '形，不计其他情形）',
      '447 7',
      '（七）总计 2932',
    ]);
  });

  it('keeps a table beside a label set one character a line in drawing order', () => {
    const vertical = ['本', '年', '度', '办', '理'].map((ch, i) => item(ch, 76, 400 - 15 * i, 7.5, true));
    const rows = ['1.甲', '2.乙', '3.丙', '4.丁', '5.戊'].flatMap((label, i) => [
      item(label, 90, 400 - 15 * i, 7.5),
      item(String(i), 260, 400 - 15 * i, 7.5, true),
    ]);
    expect(pageText([...vertical, ...rows]).split('\n')).toEqual([
      '本',
      '年',
      '度',
      '办',
      '理',
      '1.甲 0',
      '2.乙 1',
      '3.丙 2',
      '4.丁 3',
      '5.戊 4',
    ]);
  });
});

describe('blank cells a PDF does not draw', () => {
  const table = (rows: (string | null)[][]) =>
    textPdf(
      rows.flatMap((cells, r) =>
        cells.flatMap((text, c) => (text === null ? [] : [{ text, x: c === 0 ? 72 : 180 + 60 * c, y: 700 - 20 * r }])),
      ),
    );

  it('marks the empty cell of a row, so its figures stay under their own columns', async () => {
    const pdf = table([
      ['Rules', '1', '0', '11'],
      ['Norms', '8', null, '66'],
      ['Other', '2', '3', '4'],
    ]);
    const { text } = await documentText(pdf, 'r.pdf');
    expect(text.split('\n')).toEqual(['Rules 1 0 11', 'Norms 8 - 66', 'Other 2 3 4']);
  });

  it('leaves a row alone when a figure sits at no column, and starts new columns at a table header', () => {
    const rows = [
      item('规章', 72, 700),
      item('1', 240, 700),
      item('0', 300, 700),
      item('11', 355, 700),
      item('行政规范性文件', 72, 680),
      item('8', 240, 680),
      item('0', 300, 680),
      item('66', 355, 680),
      item('其他', 72, 660),
      item('5', 270, 660), // between two columns: which one is not printed
      item('信息内容 本年处理决定数量', 72, 640),
      item('行政许可', 72, 620),
      item('447228', 240, 620),
      item('行政强制', 72, 600),
      item('88283', 240, 600),
      item('行政处罚', 72, 580),
      item('12', 245, 580),
    ];
    expect(pageText(rows).split('\n')).toEqual([
      '规章 1 0 11',
      '行政规范性文件 8 0 66',
      '其他 5',
      '信息内容 本年处理决定数量',
      '行政许可 447228',
      '行政强制 88283',
      '行政处罚 12',
    ]);
  });
});
