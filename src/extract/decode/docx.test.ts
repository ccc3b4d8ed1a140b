import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../report/render/docx.ts';
import { sampleReport } from '../../report/sample.ts';
import { lyingZipBombDocx } from '../../testing/hostile-files.ts';
import { documentText } from './document.ts';
import { docxText } from './docx.ts';
import { richDocx } from './docx-samples.ts';
import { htmlToText } from './html.ts';

const lines = (text: string) => text.split('\n').filter(Boolean);
/** What the extractor read before: mammoth's HTML through the HTML path. */
const throughMammoth = async (bytes: Uint8Array) =>
  htmlToText((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);

const cell = (text: string, merge?: 'restart' | 'continue', columnSpan?: number) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun(text)] })],
    columnSpan,
    verticalMerge:
      merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
  });

describe('DOCX read from its XML', () => {
  it('expands merged cells: gridSpan across columns, a vMerge run down rows, its column counted past spans', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('A', undefined, 2), cell('B', 'restart')] }),
        new TableRow({ children: [cell('C'), cell('D'), cell('', 'continue')] }),
        new TableRow({ children: [cell('E', undefined, 2), cell('', 'continue')] }),
        new TableRow({ children: [cell('F'), cell('G'), cell('H')] }),
      ],
    });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [table] }] }));
    expect(lines(docxText(bytes))).toEqual(['A\tA\tB', 'C\tD\tB', 'E\tE\tB', 'F\tG\tH']);
  });

  it('reads the merged header of a report table, and text in tracked changes as Word shows it', async () => {
    const text = lines(docxText(await richDocx()));
    expect(text).toContain('项目\t本年\t本年');
    expect(text).toContain('项目\t新增\t累计');
    expect(text).toContain('合计 26\t合计 26\t合计 26');
    expect(text).toContain('收到申请45件'); // 99 deleted, 45 inserted
    expect(text).toContain('第二行 制表[2]'); // a line break, a tab, a footnote reference
    expect(text).toContain('数据截至2023年12月31日。 ↑'); // the note, listed at the end
    expect(text).toEqual(expect.arrayContaining(['规章 0 件', '规范性文件 3 件', '一项', '二项']));
  });

  it('gives the lines mammoth’s HTML gave, blank lines included (provenance counts lines)', async () => {
    const documents = [await richDocx()];
    for (const format of ['old2008', 'new2019', 'new2021'] as const)
      for (const seed of [1, 2]) documents.push(await renderDocx(sampleReport({ format, seed })));
    for (const bytes of documents) expect(docxText(bytes)).toBe(await throughMammoth(bytes));
  }, 120_000);

  it('reads a document whose generator chose other namespace prefixes', async () => {
    const bytes = await richDocx();
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file(
      'word/document.xml',
      xml
        .replace(/(<\/?)w:/g, '$1ns0:')
        .replace(/ w:/g, ' ns0:')
        .replace('xmlns:w=', 'xmlns:ns0='),
    );
    const renamed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(docxText(renamed)).toBe(docxText(bytes));
  });

  it('opens the package under the zip checks: an entry inflating past its declared size is refused', async () => {
    expect(() => docxText(lyingZipBombDocx(2))).toThrow(/超过声明/);
    await expect(documentText(lyingZipBombDocx(2), 'r.docx')).rejects.toThrow(/DOCX 无法解析/);
    const zip = new JSZip().file('word/other.xml', '<x/>');
    const noBody = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(documentText(noBody, 'r.docx')).rejects.toThrow(/no main document part/);
  });
});
