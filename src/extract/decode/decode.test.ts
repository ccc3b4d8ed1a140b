import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Sandbox, SandboxFailure } from '../../sandbox/run.ts';
import { documentText, sniffKind, UnreadableError } from './document.ts';
import { cellText, htmlToText, nestsDeeperThan, parseHtml } from './html.ts';
import { decodeText } from './text.ts';

const TEXT = '2019年政府信息公开工作年度报告：主动公开政府信息1132条，收到申请17件。';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode(TEXT, 'utf-16le'), 'utf-16le'],
    ['GBK, undeclared', iconv.encode(TEXT, 'gbk'), 'gb18030'],
    ['GB18030, undeclared', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ['GBK declared by meta charset', iconv.encode(`<meta charset="gb2312">${TEXT}`, 'gbk'), 'gb18030'],
    [
      'GBK declared by http-equiv',
      iconv.encode(`<meta http-equiv="Content-Type" content="text/html; charset=GBK">${TEXT}`, 'gbk'),
      'gb18030',
    ],
    ['GBK wrongly declared UTF-8', iconv.encode(`<meta charset="utf-8">${TEXT}`, 'gbk'), 'gb18030'],
    ['UTF-8 wrongly declared gb2312', Buffer.from(`<meta charset="gb2312">${TEXT}`), 'utf-8'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(TEXT);
  });

  it('reads Big5 as Big5', () => {
    const big5 = '2019年政府資訊公開工作年度報告：主動公開政府資訊1132條，收到申請17件。本機關依法辦理。';
    const decoded = decodeText(iconv.encode(big5, 'big5'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(big5);
  });
});

describe('sniffKind: the bytes win over the name', () => {
  it.each([
    ['a PDF named .html', Buffer.from('%PDF-1.7\n...'), 'r.html', 'pdf'],
    ['a DOCX named .txt', Buffer.from('PK\x03\x04....word/document.xml', 'latin1'), 'r.txt', 'docx'],
    ['an XLSX named .docx', Buffer.from('PK\x03\x04....xl/workbook.xml', 'latin1'), 'r.docx', 'xlsx'],
    ['a bare zip named .txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'r.txt', 'zip'],
    ['a bare zip named .docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'r.docx', 'docx'],
    ['HTML named .txt', Buffer.from('<!DOCTYPE html><html><body>x</body></html>'), 'r.txt', 'html'],
    ['UTF-16 HTML named .txt', iconv.encode('<html><body>x</body></html>', 'utf-16le'), 'r.txt', 'html'],
    ['text named .html', Buffer.from('纯文本'), 'r.html', 'html'],
    ['text', Buffer.from('纯文本'), 'r.txt', 'txt'],
  ])('%s', (_name, bytes, name, kind) => {
    expect(sniffKind(bytes, name)).toBe(kind);
  });
});

describe('documentText refuses what is no text, with a one-line reason', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), '空文件'],
    ['a legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), '.doc'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image'],
    ['binary bytes', Buffer.from([1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 2]), 'binary'],
    ['a broken PDF', Buffer.from('%PDF-1.4 garbage'), 'PDF'],
    ['a broken DOCX', Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), 'DOCX'],
  ])('%s', async (_name, bytes, reason) => {
    const error = await documentText(bytes, 'x.bin').catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableError);
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain('\n');
  });
});

describe('HTML → lines', () => {
  it('drops script, style and nav, one line per block and <br>', () => {
    const html = `<html><head><title>标题栏</title><style>p{}</style></head><body>
      <nav>首页 &gt; 信息公开</nav><script>var a = "主动公开 99 条";</script>
      <p>一、总体情况</p><div>第一行<br>第二行</div><p>  多个   空格
      换行  </p></body></html>`;
    expect(htmlToText(html).split('\n').filter(Boolean)).toEqual([
      '一、总体情况',
      '第一行',
      '第二行',
      '多个 空格 换行',
    ]);
  });

  it('keeps the lines of <pre>', () => {
    expect(htmlToText('<pre>行政许可  1\n行政处罚  2</pre>').split('\n').filter(Boolean)).toEqual([
      '行政许可  1',
      '行政处罚  2',
    ]);
  });

  it('expands rowspan and colspan: a merged cell repeats in every slot it covers', () => {
    const html = `<table>
      <tr><th rowspan="2">信息内容</th><th colspan="3">本年新<br/>制作数量</th></tr>
      <tr><th>a</th><th>b</th><th>c</th></tr>
      <tr><td>规章</td><td>1</td><td></td><td>&nbsp;3</td></tr></table>`;
    expect(parseHtml(html).tables[0]).toEqual([
      ['信息内容', '本年新制作数量', '本年新制作数量', '本年新制作数量'],
      ['信息内容', 'a', 'b', 'c'],
      ['规章', '1', '', '3'],
    ]);
    expect(htmlToText(html).split('\n').filter(Boolean)[2]).toBe('规章\t1\t\t3');
  });

  it('joins block breaks in a cell with nothing between Han characters, a space otherwise', () => {
    expect(cellText('本年新\n   制作数量')).toBe('本年新制作数量');
    expect(cellText('本年新\ue000制作数量')).toBe('本年新制作数量');
    expect(cellText('收到申请\ue00017')).toBe('收到申请 17');
    expect(cellText('<p>1</p>')).toBe('<p>1</p>');
    const html = '<table><tr><td><p>其他对外</p><p>管理服务事项</p></td><td>5</td></tr></table>';
    expect(htmlToText(html).trim()).toBe('其他对外管理服务事项\t5');
  });

  it('reads a report table laid out inside a layout table as a table of its own', () => {
    const html = `<table><tr><td>网站导航</td></tr><tr><td>
      <h1>某县2020年政府信息公开工作年度报告</h1>
      <table><caption>（一）主动公开</caption><tr><td>规章</td><td>1</td><td>2</td></tr>
      <tr><td>规范性文件</td><td>3</td><td>4</td></tr></table>
      <p>三、收到和处理政府信息公开申请情况</p></td></tr><tr><td>版权所有</td><td>备案号</td></tr></table>`;
    const lines = htmlToText(html)
      .split('\n')
      .filter((l) => l.trim());
    expect(lines).toEqual([
      '网站导航',
      '某县2020年政府信息公开工作年度报告',
      '（一）主动公开',
      '规章\t1\t2',
      '规范性文件\t3\t4',
      '三、收到和处理政府信息公开申请情况',
      '版权所有\t备案号',
    ]);
    expect(parseHtml(html).tables).toEqual([
      [
        ['规章', '1', '2'],
        ['规范性文件', '3', '4'],
      ],
    ]);
  });

  it('survives 10,000 levels of nesting and unclosed tables', () => {
    const deep = `${'<div><table><tr><td>'.repeat(10_000)}年度报告`;
    expect(htmlToText(deep)).toContain('年度报告');
  });
});

describe('documentText', () => {
  it('reads a UTF-16 page without a BOM', async () => {
    const doc = await documentText(iconv.encode(`<html><body><p>${TEXT}</p></body></html>`, 'utf-16le'), 'r.htm');
    expect(doc).toMatchObject({ kind: 'html', encoding: 'utf-16le' });
    expect(doc.text.trim()).toBe(TEXT);
  });
});

describe('damaged UTF-8 stays UTF-8', () => {
  const long = TEXT.repeat(10);
  it.each([
    ['cut mid-character', Buffer.from(long).subarray(0, Buffer.from(long).length - 1)],
    ['a stray byte', Buffer.concat([Buffer.from(long), Buffer.from([0xff]), Buffer.from(long)])],
    ['declared gb2312 and cut', Buffer.from(`<meta charset="gb2312">${long}`).subarray(0, -2)],
  ])('%s', (_name, bytes) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain(TEXT);
  });
});

/** A well-formed one-page PDF whose page draws nothing: what a scan without OCR looks like to a reader. */
function pdfWithoutText(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('PDF', () => {
  it('refuses a PDF without a text layer where OCR reads nothing either (or is not installed), saying so', async () => {
    // In the sandbox worker, as the platform reads documents (OpenCV's WebAssembly does not start under vitest's module runner).
    const sandbox = new Sandbox({ timeoutMs: 300_000, memoryMb: 1024 });
    const error = (await sandbox
      .run(new URL('./document.ts', import.meta.url), 'documentText', [pdfWithoutText(), 'scan.pdf'])
      .catch((e: unknown) => e)
      .finally(() => sandbox.close())) as SandboxFailure;
    expect(error).toBeInstanceOf(SandboxFailure);
    expect(error.errorName).toMatch(/UnreadableError|OcrUnavailableError/);
    expect(error.message).toMatch(/no text layer and OCR found no text|OCR components not installed/);
  }, 300_000);
});

describe('an article laid out in one table cell', () => {
  it('keeps its paragraphs as lines, while short cells join their blocks', () => {
    const para = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，'.repeat(2);
    const html = `<table><tr><td><h2>某镇2017年政府信息公开工作年度报告</h2><p>一、概述</p><p>${para}</p>
      <p>2017年，全镇主动公开政府信息170条。</p></td></tr><tr><td>本年新<br>制作数量</td><td>3</td></tr></table>`;
    expect(htmlToText(html).split('\n').filter(Boolean)).toEqual([
      '某镇2017年政府信息公开工作年度报告',
      '一、概述',
      para,
      '2017年，全镇主动公开政府信息170条。',
      '本年新制作数量\t3',
    ]);
  });
});

describe('absurd nesting', () => {
  it('reads a page nested 10,000 deep flat', () => {
    const deep = `${'<table><tr><td>'.repeat(10_000)}行政许可&nbsp;&#49;</td><td>2${'</td></tr></table>'.repeat(10_000)}`;
    const text = htmlToText(deep);
    expect(text).toContain('行政许可 1\t2');
    expect(nestsDeeperThan(deep, 2_000)).toBe(true);
    expect(nestsDeeperThan('<div><br><img/></div>'.repeat(5_000), 2_000)).toBe(false);
  });
});

describe('XLSX', () => {
  it('reads a workbook as tab rows, merged cells repeated, and refuses a zip that is no document', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('二、主动公开政府信息情况');
    sheet.addRow(['信息内容', '本年制发件数', null, '现行有效件数']);
    sheet.mergeCells(1, 2, 1, 3);
    sheet.addRow(['规章', 5, { formula: 'B2+1', result: 6 }, 77]);
    sheet.addRow([{ richText: [{ text: '行政规范' }, { text: '性文件' }] }, 1]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const doc = await documentText(bytes, 'misnamed.docx');
    expect(doc.kind).toBe('xlsx');
    expect(doc.text.split('\n').filter(Boolean)).toEqual([
      '二、主动公开政府信息情况',
      '信息内容\t本年制发件数\t本年制发件数\t现行有效件数',
      '规章\t5\t6\t77',
      '行政规范性文件\t1',
    ]);
    const JSZip = (await import('jszip')).default;
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    await expect(documentText(zip, 'a.zip')).rejects.toThrow('zip archive');
  });
});
