/**
 * The sandbox's zip check and the DOCX reader share one inflating of each part: what a checked package
 * reads is what an unchecked one reads, and the checks still refuse a bomb, a lying bomb and entities.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxText } from '../extract/decode/docx.ts';
import { richDocx } from '../extract/decode/docx-samples.ts';
import { entityBombDocx, lyingZipBombDocx, zipBombDocx } from '../testing/hostile-files.ts';
import { checkZipInflated, openZip, ZipRefused } from './zip-check.ts';

describe('checkZipInflated, then openZip on the same bytes', () => {
  it('reads every part as an unchecked package reads it, and the same text', async () => {
    const bytes = await richDocx();
    const copy = new Uint8Array(bytes); // other bytes: not checked, so read by inflating again
    const unchecked = openZip(copy);
    const before = docxText(copy);
    checkZipInflated(bytes);
    const checked = openZip(bytes);
    expect(checked.names).toEqual(unchecked.names);
    for (const name of checked.names) expect(checked.read(name)).toEqual(unchecked.read(name));
    expect(checked.read('no/such/part.xml')).toBeUndefined();
    expect(docxText(bytes)).toBe(before);
  });

  it('still refuses a zip bomb, a bomb lying about its size, and XML entities', async () => {
    expect(() => checkZipInflated(zipBombDocx())).toThrow(ZipRefused);
    expect(() => checkZipInflated(lyingZipBombDocx())).toThrow(/实际解压大小超过声明/);
    const entities = await entityBombDocx();
    expect(() => checkZipInflated(entities)).toThrow(/XML 实体/);
  });

  it('refuses a part declaring a DOCTYPE or an ENTITY anywhere, and not a comment or an exclamation mark', async () => {
    const zipWith = (xml: string) => {
      const zip = new JSZip();
      zip.file('word/document.xml', xml);
      zip.file('word/media/image1.bin', '<!DOCTYPE x>'); // not markup: not searched, as before
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    for (const xml of ['<!DOCTYPE a><a/>', '<a>好!</a><!ENTITY x "y">', `${'<a/>'.repeat(5000)}<!DOCTYPE`]) {
      const bytes = await zipWith(xml);
      expect(() => checkZipInflated(bytes), xml.slice(-20)).toThrow(/XML 实体/);
    }
    for (const xml of ['<a>!<!-- ! --></a>', '<a>!!DOCTYPE <b/>ENTITY</a>', '<!']) {
      const bytes = await zipWith(xml);
      expect(() => checkZipInflated(bytes), xml).not.toThrow();
    }
  });
});
