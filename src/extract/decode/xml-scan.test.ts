import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../report/render/docx.ts';
import { sampleReport } from '../../report/sample.ts';
import { openZip } from '../../sandbox/zip-check.ts';
import { richDocx } from './docx-samples.ts';
import { scanXml, type XmlSink, xmlPieces } from './xml-scan.ts';

type Call = [string, ...unknown[]];

/** The calls a reader makes, adjacent texts joined (both readers' callers join them). */
function recorder(ignored?: (name: string) => boolean): { sink: XmlSink; calls: Call[] } {
  const calls: Call[] = [];
  const sink: XmlSink = {
    onopentag: (name, attrs) => calls.push(['open', name, { ...attrs }]),
    ontext: (text) => {
      const last = calls.at(-1);
      if (last?.[0] === 'text') last[1] += text;
      else calls.push(['text', text]);
    },
    onclosetag: (name) => calls.push(['close', name]),
    ...(ignored ? { ignores: ignored } : {}),
  };
  return { sink, calls };
}

function throughHtmlparser2(xml: string): Call[] {
  const { sink, calls } = recorder();
  const parser = new Parser(sink, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  return calls;
}

const WELL_FORMED = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="urn:w"><w:body/></w:document>',
  '<a x="1" y = \'2\'\n z="&lt;&amp;&gt;&quot;&apos;"><b/>text &#20013;&#x6587; <!-- a comment --><c  d="e" /></a>',
  '<w:t xml:space="preserve">  空格  </w:t >',
  '<a x="1" x="2">repeated: the first stands</a>',
  '\ufeff<r><s:t a.b-c_d="v">x</s:t></r>',
];

/** XML the fast reader gives up on; htmlparser2 reads each its own way. */
const GIVEN_UP = [
  '<a><![CDATA[x < y]]></a>',
  '<a>AT&T</a>',
  '<a>&nbsp;</a>',
  '<a>&#0;</a>',
  '<a>&#x80;</a>',
  '<a>&#xD800;</a>',
  '<a x=1/>',
  '<a x="1"y="2"/>',
  '<a x="<"/>',
  '<a x/>',
  '<a><b></a></b>',
  '<a>',
  '<a>1 < 2</a>',
  '<!DOCTYPE a><a/>',
  '<!--><a/>-->',
  '<?pi a > b ?><a/>',
  '<é/>',
  '</a>',
];

describe('scanXml', () => {
  it.each(WELL_FORMED)('gives the calls htmlparser2 gives: %s', (xml) => {
    const { sink, calls } = recorder();
    expect(scanXml(xml, sink)).toBe(true);
    expect(calls).toEqual(throughHtmlparser2(xml));
  });

  it.each(GIVEN_UP)('gives up on what it does not read exactly: %s', (xml) => {
    expect(scanXml(xml, recorder().sink)).toBe(false);
  });

  it("reads every part of the renderer's and the rich sample's DOCX as htmlparser2 does", async () => {
    for (const bytes of [await renderDocx(sampleReport({ format: 'new2021', seed: 1 })), await richDocx()]) {
      const zip = openZip(bytes);
      const parts = zip.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
      expect(parts.length).toBeGreaterThan(3);
      for (const name of parts) {
        const xml = Buffer.from(zip.read(name) ?? []).toString('utf8');
        const { sink, calls } = recorder();
        expect(scanXml(xml, sink), name).toBe(true);
        expect(calls, name).toEqual(throughHtmlparser2(xml));
      }
    }
  });

  it('reads a large part in pieces, each cut before a `<`, as it reads the part whole', async () => {
    const zip = openZip(await renderDocx(sampleReport({ format: 'new2021', seed: 1 })));
    const bytes = zip.read('word/document.xml') ?? new Uint8Array();
    const pieces = xmlPieces(bytes);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('<')).toBe(true);
    const whole = Buffer.from(bytes).toString('utf8');
    expect(pieces.join('')).toBe(whole);
    const split = recorder();
    const joined = recorder();
    expect(scanXml(pieces, split.sink)).toBe(true);
    expect(scanXml(whole, joined.sink)).toBe(true);
    expect(split.calls).toEqual(joined.calls);
  });

  it('gives up on pieces cut inside a comment or an element left open, as on what it does not read', () => {
    expect(scanXml(['<a><!-- x ', '< y --></a>'], recorder().sink)).toBe(false);
    expect(scanXml(['<a>', '<b>', '</b>'], recorder().sink)).toBe(false);
    expect(scanXml(['<a>', '<b/>', '</a>'], recorder().sink)).toBe(true);
  });

  it('builds no attributes for an element its reader ignores, but still checks them', () => {
    const { sink, calls } = recorder((name) => name === 'skip');
    expect(scanXml('<r><skip a="1" b="&amp;"/><keep a="1"/></r>', sink)).toBe(true);
    expect(calls).toEqual([
      ['open', 'r', {}],
      ['open', 'skip', {}],
      ['close', 'skip'],
      ['open', 'keep', { a: '1' }],
      ['close', 'keep'],
      ['close', 'r'],
    ]);
    expect(scanXml('<r><skip a="&bogus;"/></r>', recorder((name) => name === 'skip').sink)).toBe(false);
  });
});
