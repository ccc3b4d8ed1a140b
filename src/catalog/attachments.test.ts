import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractAttachmentText, mediaTypeOf, sha256Hex } from './attachments.ts';

describe('attachment text', () => {
  it.each([
    ['UTF-8 text', 'text/plain', new TextEncoder().encode('身份证号11010519491231002X'), '身份证号11010519491231002X'],
    ['HTML', 'text/html', new TextEncoder().encode('<p>名单</p><script>x</script>'), '名单'],
  ])('%s', async (_n, type, bytes, text) => {
    expect(await extractAttachmentText(bytes, type)).toBe(text);
  });

  it('reads DOCX', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('联系电话13812345678')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(await extractAttachmentText(bytes, mediaTypeOf('a.docx'))).toContain('13812345678');
  });

  it('gives null for what it cannot read', async () => {
    expect(await extractAttachmentText(new Uint8Array([1, 2, 3]), 'application/pdf')).toBeNull();
    expect(await extractAttachmentText(new Uint8Array([1, 2, 3]), 'image/png')).toBeNull();
  });

  it('sha256', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
