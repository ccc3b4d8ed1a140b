/**
 * Hostile documents for the sandbox tests (issue #19), made on the spot without holding what they expand to:
 * a DOCX zip bomb (honest sizes, ratio far past any document), one that lies about its size, an XML entity
 * bomb, and a 400 MB text that is a sparse file.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A zip of the given entries (name, deflated bytes, declared size), written by hand (CRCs left 0). */
function zipOf(entries: { name: string; data: Uint8Array; size: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** Paragraphs of a document.xml, `mb` megabytes of them, deflated a megabyte at a time. */
function deflatedParagraphs(mb: number): { data: Uint8Array; size: number } {
  const chunk = Buffer.from('<w:p><w:r><w:t>1</w:t></w:r></w:p>'.repeat(Math.ceil((1024 * 1024) / 34))).subarray(
    0,
    1024 * 1024,
  );
  const whole = Buffer.concat([
    Buffer.from(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    ...Array.from({ length: mb }, () => chunk),
  ]);
  return { data: deflateRawSync(whole, { level: 9 }), size: whole.length };
}

/** A DOCX that says what it is: 20 MB of paragraphs in some 20 KB (a ratio no document has). */
export function zipBombDocx(mb = 20): Uint8Array {
  const doc = deflatedParagraphs(mb);
  const types = Buffer.from(CONTENT_TYPES);
  return zipOf([
    { name: '[Content_Types].xml', data: deflateRawSync(types), size: types.length },
    { name: 'word/document.xml', ...doc },
  ]);
}

/** The same, declaring its document a kilobyte: only inflating shows what it is. */
export function lyingZipBombDocx(mb = 16): Uint8Array {
  const doc = deflatedParagraphs(mb);
  const types = Buffer.from(CONTENT_TYPES);
  return zipOf([
    { name: '[Content_Types].xml', data: deflateRawSync(types), size: types.length },
    { name: 'word/document.xml', data: doc.data, size: 1024 },
  ]);
}

/** A DOCX whose document.xml declares nested entities (a billion laughs). */
export async function entityBombDocx(): Promise<Uint8Array> {
  let dtd = '<!ENTITY l0 "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><!DOCTYPE w:document [${dtd}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A text file of `mb` megabytes that takes no disk: a hole. */
export function sparseText(path: string, mb = 400): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
}

/** A named pipe that nobody writes to. */
export function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** An XLSX whose workbook declares nested entities. */
export async function entityBombXlsx(): Promise<Uint8Array> {
  let dtd = '<!ENTITY l0 "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><!DOCTYPE workbook [${dtd}]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&l9;" sheetId="1"/></sheets></workbook>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
