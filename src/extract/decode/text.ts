/**
 * Bytes → text in the right encoding: a BOM first, then the charset an HTML page declares, then strict
 * UTF-8, then detection (chardet) — preferring GB18030 or Big5 for Chinese pages over the Western
 * single-byte guesses detection sometimes makes on short texts.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function normalizeEncoding(name: string): string | undefined {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'euc-cn', 'cp936', 'windows-936'].includes(n)) return 'gb18030';
  if (['big5', 'big5-hkscs', 'x-big5', 'cp950'].includes(n)) return 'big5';
  if (n === 'utf8') return 'utf-8';
  return iconv.encodingExists(n) ? n : undefined;
}

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const fromMeta = declared ? normalizeEncoding(declared) : undefined;
  if (fromMeta && fromMeta !== 'utf-8') return { text: iconv.decode(buf, fromMeta), encoding: fromMeta };
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: detect
  }
  const guesses = chardet.analyse(buf.subarray(0, 64 * 1024));
  for (const guess of guesses) {
    const enc = normalizeEncoding(guess.name);
    if (enc === 'gb18030' || enc === 'big5') return { text: iconv.decode(buf, enc), encoding: enc };
  }
  // Short Chinese texts are often mistaken for Western encodings: GB18030 decodes any byte sequence.
  return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
}
