import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { attachmentHandling, canMaskAutomatically, maskAttachmentContent } from './attachment-mask.ts';
import { extractAttachmentText, mediaTypeOf } from './attachments.ts';
import { cleanDocx, pdfWithText, TEST_ID, TEST_ID_MASKED } from './testing-files.ts';

describe('which attachments 脱敏处理 rewrites', () => {
  it.each([
    ['名单.txt', 'automatic'],
    ['名单.html', 'automatic'],
    ['名单.docx', 'automatic'],
    ['名单.xlsx', 'automatic'],
    ['名单.pdf', 'replace'],
  ] as const)('%s with text: %s', (name, handling) => {
    expect(attachmentHandling(mediaTypeOf(name), true)).toBe(handling);
  });

  it('a file whose text could not be read cannot be checked', () => {
    expect(attachmentHandling(mediaTypeOf('扫描件.pdf'), false)).toBe('unreadable');
    expect(attachmentHandling('image/png', false)).toBe('unreadable');
    expect(canMaskAutomatically('image/png')).toBe(false);
  });

  it('keeps a GB18030 text file in GB18030', async () => {
    const bytes = new Uint8Array(iconv.encode(`身份证号${TEST_ID}`, 'gb18030'));
    const masked = (await maskAttachmentContent(bytes, 'text/plain')) as Uint8Array;
    expect(iconv.decode(Buffer.from(masked), 'gb18030')).toBe(`身份证号${TEST_ID_MASKED}`);
    expect(await extractAttachmentText(masked, 'text/plain')).toBe(`身份证号${TEST_ID_MASKED}`);
  });

  it('leaves a PDF, and a file with nothing to mask, alone', async () => {
    const pdf = pdfWithText([`ID ${TEST_ID}`]);
    expect(await extractAttachmentText(pdf, 'application/pdf')).toContain(TEST_ID);
    expect(await maskAttachmentContent(pdf, 'application/pdf')).toBeNull();
    expect(await maskAttachmentContent(new TextEncoder().encode('无个人信息'), 'text/plain')).toBeNull();
    expect(await maskAttachmentContent(await cleanDocx(), mediaTypeOf('a.docx'))).toBeNull();
  });
});
