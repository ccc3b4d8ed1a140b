import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  maskXmlPieces,
  openPackage,
  type TextSpec,
  writePackage,
  xmlAttributeTexts,
  xmlTextNodes,
  xmlTexts,
} from './ooxml.ts';
import { zipStoredEntries } from './testing-files.ts';

const WORD: TextSpec = { text: new Set(['w:t']), breaks: new Set(['w:p', 'w:tab']) };

describe('XML text mapped to its markup', () => {
  it('joins a paragraph across runs and maps each character back', () => {
    const xml =
      '<w:p><w:r><w:t>电话138</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1234</w:t></w:r></w:p>';
    const [piece] = xmlTexts(xml, WORD);
    expect(piece.text).toBe('电话1381234');
    expect(xml.slice(piece.from[6], piece.to[6])).toBe('2');
    expect(piece.from[6]).toBe(xml.indexOf('1234') + 1);
  });

  it.each([
    [
      'a tab between the digits',
      '<w:p><w:r><w:t>1381234</w:t><w:tab/><w:t>5678</w:t></w:r></w:p>',
      ['1381234', '5678'],
    ],
    [
      'two paragraphs',
      '<w:p><w:r><w:t>1381234</w:t></w:r></w:p><w:p><w:r><w:t>5678</w:t></w:r></w:p>',
      ['1381234', '5678'],
    ],
    [
      'a nested text-box paragraph',
      '<w:p><w:r><w:t>a</w:t><w:p><w:r><w:t>b</w:t></w:r></w:p><w:t>c</w:t></w:r></w:p>',
      ['a', 'b', 'c'],
    ],
  ])('breaks on %s', (_name, xml, texts) => {
    expect(xmlTexts(xml, WORD).map((p) => p.text)).toEqual(texts);
  });

  it('reads entities as one character each and masks them in place', () => {
    const xml =
      '<w:p><w:r><w:t>&#49;38&amp;</w:t></w:r><w:r><w:t>，</w:t></w:r><w:r><w:t>&#x31;38&#49;2345678</w:t></w:r></w:p>';
    const [piece] = xmlTexts(xml, WORD);
    expect(piece.text).toBe('138&，13812345678');
    expect(maskXmlPieces(xml, [piece])).toBe(
      '<w:p><w:r><w:t>&#49;38&amp;</w:t></w:r><w:r><w:t>，</w:t></w:r><w:r><w:t>&#x31;38****5678</w:t></w:r></w:p>',
    );
  });

  it('masks a number split across runs, each digit in its own run, nothing else changed', () => {
    const xml =
      '<w:p><w:r><w:t>身份证号1101</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>0519491231</w:t></w:r><w:r><w:t>002X 其他</w:t></w:r></w:p>';
    expect(maskXmlPieces(xml, xmlTexts(xml, WORD))).toBe(
      '<w:p><w:r><w:t>身份证号1101</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>05********</w:t></w:r><w:r><w:t>002X 其他</w:t></w:r></w:p>',
    );
  });

  it('leaves skipped elements and text outside the text elements alone', () => {
    const spec: TextSpec = { text: new Set(['t']), breaks: new Set(['si']), skip: new Set(['rPh']) };
    const xml = '<si><t>13812345678</t><rPh><t>13912345678</t></rPh></si><x>13712345678</x>';
    expect(maskXmlPieces(xml, xmlTexts(xml, spec))).toBe(
      '<si><t>138****5678</t><rPh><t>13912345678</t></rPh></si><x>13712345678</x>',
    );
  });

  it('reads attribute values (not namespaces) and every text node', () => {
    const xml = '<r xmlns:a="urn:13812345678"><a:x descr=\'电话13812345678\' id="1"/>备注13912345678</r>';
    expect(xmlAttributeTexts(xml).map((p) => p.text)).toEqual(['电话13812345678']);
    expect(maskXmlPieces(xml, xmlAttributeTexts(xml))).toBe(
      '<r xmlns:a="urn:13812345678"><a:x descr=\'电话138****5678\' id="1"/>备注13912345678</r>',
    );
    expect(maskXmlPieces(xml, xmlTextNodes(xml))).toContain('备注139****5678');
  });
});

describe('the package written back', () => {
  it('keeps every entry not changed as stored: method, compressed bytes, order', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>13812345678</a>', { compression: 'DEFLATE' });
    zip.file('stored.bin', new Uint8Array([1, 2, 3, 4]), { compression: 'STORE' });
    zip.file('b.xml', `<b>${'不变的内容'.repeat(50)}</b>`, { compression: 'DEFLATE' });
    const original = await zip.generateAsync({ type: 'uint8array' });

    const pkg = await openPackage(original);
    const xml = (await pkg.read('a.xml')) as string;
    const rewritten = await writePackage(pkg, new Map([['a.xml', maskXmlPieces(xml, xmlTextNodes(xml))]]));

    const before = zipStoredEntries(original);
    const after = zipStoredEntries(rewritten);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const name of ['stored.bin', 'b.xml']) {
      expect(after.get(name)?.method).toBe(before.get(name)?.method);
      expect(after.get(name)?.data.equals(before.get(name)?.data as Buffer)).toBe(true);
    }
    expect(after.get('stored.bin')?.method).toBe(0);
    expect(await (await JSZip.loadAsync(rewritten)).file('a.xml')?.async('string')).toBe('<a>138****5678</a>');
  });

  it('leaves a part that is not UTF-8 unread', async () => {
    const zip = new JSZip();
    zip.file('u16.xml', new Uint8Array([0xff, 0xfe, 0x3c, 0x00]));
    const pkg = await openPackage(await zip.generateAsync({ type: 'uint8array' }));
    expect(await pkg.read('u16.xml')).toBeNull();
  });
});
