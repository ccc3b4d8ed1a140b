/** Small files of each type an applicant may attach, made in memory, with the bytes their formats begin with. */
import JSZip from 'jszip';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

export const samplePdf = () =>
  bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const samplePng = () =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    [0, 0, 0, 13],
    'IHDR',
    [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0],
  );
export const sampleJpeg = () =>
  bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
export const sampleText = () => new TextEncoder().encode('授权委托书\n委托人：张三\n受托人：李四\n');
/** A Windows program (MZ header), whatever it is called. */
export const sampleExe = () => bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode.');

/** A minimal DOCX: a zip with [Content_Types].xml and word/document.xml. */
export async function sampleDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document/>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** A zip that is not a Word document. */
export async function sampleZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('a.txt', 'x');
  return zip.generateAsync({ type: 'uint8array' });
}
