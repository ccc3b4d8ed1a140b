/**
 * Test attachment files holding personal data, built in code: a DOCX whose 身份证号 Word-style spans several
 * runs and also sits in the header, an XLSX with an ID as a shared string and a card number as a number, and
 * a one-page PDF with a text layer (Helvetica, as a scanner's OCR layer or an export would draw it).
 */
import { Document, Footer, Header, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { luhnValid } from './pii.ts';

export const TEST_ID = '11010519491231002X';
export const TEST_ID_MASKED = '110105********002X';
export const TEST_MOBILE = '13812345678';
export const TEST_MOBILE_MASKED = '138****5678';

/** A 16-digit card number passing the Luhn check, small enough to be kept exactly as a spreadsheet number. */
export const TEST_CARD = (() => {
  const first15 = '622202020011223';
  for (let d = 0; d <= 9; d++) if (luhnValid(first15 + d)) return first15 + d;
  throw new Error('unreachable');
})();
export const TEST_CARD_MASKED = `${TEST_CARD.slice(0, 4)}********${TEST_CARD.slice(-4)}`;

/** The ID split across three runs (one bold), a mobile across two; the ID again in the header. */
export async function docxWithPersonalData(): Promise<Uint8Array> {
  const doc = new Document({
    creator: `经办人 ${TEST_MOBILE}`,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`页眉 身份证号${TEST_ID}`)] }) },
        footers: { default: new Footer({ children: [new Paragraph('页脚 第1页')] }) },
        children: [
          new Paragraph('学生资助名单公示'),
          new Paragraph({
            children: [
              new TextRun('张三 身份证号'),
              new TextRun(TEST_ID.slice(0, 4)),
              new TextRun({ text: TEST_ID.slice(4, 14), bold: true }),
              new TextRun(`${TEST_ID.slice(14)} 金额2000元`),
            ],
          }),
          new Paragraph({
            children: [new TextRun(`联系电话${TEST_MOBILE.slice(0, 5)}`), new TextRun(`${TEST_MOBILE.slice(5)}。`)],
          }),
          new Paragraph('公示期为2025年10月20日至2025年10月26日，编号20251020001。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A clean DOCX: the same list with nothing personal in it. */
export async function cleanDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('学生资助名单公示（已脱敏）')] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The ID as a shared string, the card number as a number; a second, clean sheet. */
export async function xlsxWithPersonalData(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '银行卡号', '金额']);
  sheet.addRow(['张三', TEST_ID, Number(TEST_CARD), 2000]);
  sheet.addRow(['李四', '（未提供）', 20251020001, 1500]);
  wb.addWorksheet('说明').addRow(['数据来源：某县教育局']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A well-formed one-page PDF drawing `lines` (ASCII) in Helvetica: a text layer unpdf reads. */
export function pdfWithText(lines: string[]): Uint8Array {
  const ops = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${l.replace(/[\\()]/g, '\\$&')}) Tj ET`);
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
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
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/**
 * The entries of a zip as stored: name → the local header's method and the compressed bytes (read from the
 * local headers, as JSZip and Word write them: sizes in the header, no data descriptor).
 */
export function zipStoredEntries(bytes: Uint8Array): Map<string, { method: number; data: Buffer }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, { method: number; data: Buffer }>();
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    out.set(name, { method, data: buf.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}
