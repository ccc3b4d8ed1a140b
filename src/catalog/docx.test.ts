import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { extractAttachmentText, mediaTypeOf } from './attachments.ts';
import { docxOtherText, maskDocx, maskDocxPart } from './docx.ts';
import { findPersonalData, maskPersonalData } from './pii.ts';
import {
  docxWithPersonalData,
  TEST_ID,
  TEST_ID_MASKED,
  TEST_MOBILE,
  TEST_MOBILE_MASKED,
  zipStoredEntries,
} from './testing-files.ts';

const DOCX = mediaTypeOf('名单.docx');

describe('DOCX text for detection', () => {
  it('reads the header and the document properties, which mammoth leaves out', async () => {
    const bytes = await docxWithPersonalData();
    expect((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value).not.toContain('页眉');
    const other = await docxOtherText(bytes);
    expect(other).toContain(`页眉 身份证号${TEST_ID}`);
    expect(other).toContain(`经办人 ${TEST_MOBILE}`);
    const text = (await extractAttachmentText(bytes, DOCX)) as string;
    // The body's ID spans three runs; joined, it is found, as are the header's and the author's.
    expect(findPersonalData(text).map((f) => f.masked)).toEqual([
      TEST_ID_MASKED,
      TEST_MOBILE_MASKED,
      TEST_MOBILE_MASKED,
      TEST_ID_MASKED,
    ]);
  });
});

describe('DOCX masking', () => {
  it('masks an ID split across runs and in the header; the file still opens and nothing else changes', async () => {
    const original = await docxWithPersonalData();
    const masked = (await maskDocx(original)) as Uint8Array;
    expect(masked).not.toBeNull();

    const text = (await extractAttachmentText(masked, DOCX)) as string;
    expect(findPersonalData(text)).toEqual([]);
    // The text is the original's with exactly the findings masked: same length, every other character kept.
    expect(text).toBe(maskPersonalData((await extractAttachmentText(original, DOCX)) as string));
    expect(text).toContain(`张三 身份证号${TEST_ID_MASKED} 金额2000元`);
    expect(text).toContain(`页眉 身份证号${TEST_ID_MASKED}`);
    expect(text).toContain('编号20251020001');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(masked) })).value).toContain(
      `联系电话${TEST_MOBILE_MASKED}`,
    );

    // The bold run keeps its formatting; only the digits in it changed.
    const documentXml = (await (await JSZip.loadAsync(masked)).file('word/document.xml')?.async('string')) as string;
    expect(documentXml).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">05********</w:t>');

    // Entries rewritten only when changed; the others are the very bytes stored before.
    const before = zipStoredEntries(original);
    const after = zipStoredEntries(masked);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((n) => !after.get(n)?.data.equals(before.get(n)?.data as Buffer));
    expect(changed.sort()).toEqual(['docProps/core.xml', 'word/document.xml', 'word/header1.xml']);
  });

  it('leaves a file without personal data as it is', async () => {
    const masked = await maskDocx(await maskDocx(await docxWithPersonalData()).then((b) => b as Uint8Array));
    expect(masked).toBeNull();
  });

  it.each([
    [
      'tracked deletion between runs',
      '<w:p><w:r><w:t>电话138</w:t></w:r><w:del><w:r><w:delText>0</w:delText></w:r></w:del><w:r><w:t>12345678</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>电话138</w:t></w:r><w:del><w:r><w:delText>0</w:delText></w:r></w:del><w:r><w:t>****5678</w:t></w:r></w:p>',
    ],
    [
      'deleted number',
      '<w:p><w:del><w:r><w:delText>13812345678</w:delText></w:r></w:del></w:p>',
      '<w:p><w:del><w:r><w:delText>138****5678</w:delText></w:r></w:del></w:p>',
    ],
    [
      'field instruction',
      '<w:p><w:r><w:instrText> HYPERLINK "tel:13812345678" </w:instrText></w:r></w:p>',
      '<w:p><w:r><w:instrText> HYPERLINK "tel:138****5678" </w:instrText></w:r></w:p>',
    ],
    [
      'alternative text of a picture',
      '<w:p><w:r><w:drawing><wp:docPr id="1" name="图片 1" descr="身份证11010519491231002X"/></w:drawing></w:r></w:p>',
      '<w:p><w:r><w:drawing><wp:docPr id="1" name="图片 1" descr="身份证110105********002X"/></w:drawing></w:r></w:p>',
    ],
  ])('masks a %s', (_name, xml, expected) => {
    expect(maskDocxPart('word/document.xml', xml)).toBe(expected);
  });

  it('masks a hyperlink target in the relationships', () => {
    const rels =
      '<Relationships><Relationship Id="rId9" Type="http://x/hyperlink" Target="tel:13812345678" TargetMode="External"/></Relationships>';
    expect(maskDocxPart('word/_rels/document.xml.rels', rels)).toContain('Target="tel:138****5678"');
  });
});
