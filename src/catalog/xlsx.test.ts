import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractAttachmentText, mediaTypeOf } from './attachments.ts';
import { findPersonalData, maskPersonalData } from './pii.ts';
import {
  TEST_CARD,
  TEST_CARD_MASKED,
  TEST_ID,
  TEST_ID_MASKED,
  xlsxWithPersonalData,
  zipStoredEntries,
} from './testing-files.ts';
import { maskXlsx, maskXlsxPart, XLSX } from './xlsx.ts';

describe('XLSX text', () => {
  it('reads shared strings and numbers of every sheet', async () => {
    expect(mediaTypeOf('名单.xlsx')).toBe(XLSX);
    const text = (await extractAttachmentText(await xlsxWithPersonalData(), XLSX)) as string;
    expect(text).toContain(`张三\t${TEST_ID}\t${TEST_CARD}\t2000`);
    expect(text).toContain('数据来源：某县教育局');
    expect(findPersonalData(text).map((f) => f.kind)).toEqual(['id_card', 'bank_card']);
  });

  it('gives null for a file that is not a workbook', async () => {
    expect(await extractAttachmentText(new Uint8Array([0x50, 0x4b, 3, 4, 0]), XLSX)).toBeNull();
  });
});

describe('XLSX masking', () => {
  it('masks an ID kept as a shared string and a card number kept as a number', async () => {
    const original = await xlsxWithPersonalData();
    const masked = (await maskXlsx(original)) as Uint8Array;
    expect(masked).not.toBeNull();
    const text = (await extractAttachmentText(masked, XLSX)) as string;
    expect(findPersonalData(text)).toEqual([]);
    expect(text).toBe(maskPersonalData((await extractAttachmentText(original, XLSX)) as string));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(masked) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('名单');
    expect(sheet?.getCell('B2').value).toBe(TEST_ID_MASKED);
    expect(sheet?.getCell('C2').value).toBe(TEST_CARD_MASKED);
    expect(sheet?.getCell('D2').value).toBe(2000);
    expect(sheet?.getCell('C3').value).toBe(20251020001);

    const before = zipStoredEntries(original);
    const after = zipStoredEntries(masked);
    const changed = [...after.keys()].filter((n) => !after.get(n)?.data.equals(before.get(n)?.data as Buffer));
    expect(changed.sort()).toEqual(['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    const sheetXml = (await (
      await JSZip.loadAsync(masked)
    )
      .file('xl/worksheets/sheet1.xml')
      ?.async('string')) as string;
    expect(sheetXml).toContain(`<c r="C2" t="inlineStr"><is><t>${TEST_CARD_MASKED}</t></is></c>`);
  });

  it('leaves a workbook without personal data as it is', async () => {
    expect(await maskXlsx((await maskXlsx(await xlsxWithPersonalData())) as Uint8Array)).toBeNull();
  });

  it.each([
    [
      'inline string in rich text runs',
      '<c r="A1" t="inlineStr"><is><r><t>身份证号110105</t></r><r><rPr><b/></rPr><t>19491231002X</t></r></is></c>',
      '<c r="A1" t="inlineStr"><is><r><t>身份证号110105</t></r><r><rPr><b/></rPr><t>********002X</t></r></is></c>',
    ],
    [
      'formula string result',
      '<c r="A1" t="str"><f>B1&amp;""</f><v>13812345678</v></c>',
      '<c r="A1" t="str"><f>B1&amp;""</f><v>138****5678</v></c>',
    ],
    [
      'number written with an exponent, formula dropped',
      '<c r="A1" s="2" t="n"><f>B1</f><v>1.3812345678E10</v></c>',
      '<c r="A1" s="2" t="inlineStr"><is><t>138****5678</t></is></c>',
    ],
    ['number that is no finding', '<c r="A1"><v>20251020001</v></c>', '<c r="A1"><v>20251020001</v></c>'],
    ['shared string index', '<c r="A1" t="s"><v>13812345678</v></c>', '<c r="A1" t="s"><v>13812345678</v></c>'],
    [
      'page header',
      '<headerFooter><oddHeader>&amp;L联系电话13812345678</oddHeader></headerFooter>',
      '<headerFooter><oddHeader>&amp;L联系电话138****5678</oddHeader></headerFooter>',
    ],
  ])('worksheet: %s', (_name, cell, expected) => {
    const wrap = (c: string) => `<worksheet><sheetData><row r="1">${c}</row></sheetData></worksheet>`;
    expect(maskXlsxPart('xl/worksheets/sheet1.xml', wrap(cell))).toBe(wrap(expected));
  });
});
