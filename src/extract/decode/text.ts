/**
 * Bytes → text in the right encoding, in this order:
 * 1. a BOM (UTF-8, UTF-16LE/BE);
 * 2. valid UTF-8 holding multi-byte characters is UTF-8, whatever a page declares: a GBK or Big5 page of
 *    Chinese text is practically never valid UTF-8, while a UTF-8 page still declaring `gb2312` is common;
 *    so is UTF-8 with a little damage (cut mid-character, a stray byte: under 0.5% of its characters lost);
 * 3. the charset an HTML page declares (`<meta charset>`, `http-equiv` content, `<?xml encoding>`);
 * 4. UTF-16 without a BOM (every other byte zero);
 * 5. detection (chardet), taking its GB18030 or Big5 guess when it has one: on short texts it often puts
 *    a Western single-byte encoding first, which is never right for these documents;
 * 6. GB18030 — it decodes any byte sequence, and GBK pages are the most common non-UTF-8 pages.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 32 * 1024)).toString('latin1'); // after long head scripts too
  const m = /<meta[^>]+charset\s*=[\s"']*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

export function normalizeEncoding(name: string): string | undefined {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'euc-cn', 'cp936', 'windows-936', 'hz-gb-2312', 'chinese'].includes(n))
    return 'gb18030';
  if (['big5', 'big5-hkscs', 'x-big5', 'cp950', 'windows-950'].includes(n)) return 'big5';
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  if (n === 'unicode' || n === 'utf-16') return 'utf-16le';
  return iconv.encodingExists(n) ? n : undefined;
}

export interface Decoded {
  text: string;
  encoding: string;
}

/** UTF-16 written without a BOM: zero bytes, all on the same side of the byte pairs. */
export function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Other encodings of text have no zero bytes at all; Chinese UTF-16 has them in its ASCII characters
  // (and in the odd Han character such as 开 U+5F00, on the other side).
  if (oddZero > pairs * 0.02 && evenZero * 4 < oddZero) return 'utf-16le';
  if (evenZero > pairs * 0.02 && oddZero * 4 < evenZero) return 'utf-16be';
  return undefined;
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * UTF-8 with a little damage — a download cut mid-character, a stray byte — is still UTF-8: decoded
 * leniently, nearly all of its non-ASCII characters survive. GBK or Big5 read as UTF-8 turn mostly into
 * U+FFFD.
 */
function mostlyUtf8(buf: Buffer): string | undefined {
  const text = lenientUtf8.decode(buf);
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) bad++;
    else if (code > 0x7f) wide++;
  }
  return wide >= 20 && bad <= wide / 200 ? text : undefined;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  let asUtf8: string | undefined;
  try {
    asUtf8 = utf8.decode(buf);
  } catch {
    asUtf8 = undefined; // not UTF-8
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any byte above ASCII
  if (asUtf8 !== undefined && /[^\u0000-\u007f]/.test(asUtf8)) return { text: asUtf8, encoding: 'utf-8' };
  if (asUtf8 === undefined) {
    const damaged = mostlyUtf8(buf);
    if (damaged !== undefined) return { text: damaged, encoding: 'utf-8' };
  }
  const declared = declaredCharset(bytes);
  const fromMeta = declared ? normalizeEncoding(declared) : undefined;
  // A page declaring UTF-8 that is not valid UTF-8 declares wrongly: detect instead.
  if (fromMeta && fromMeta !== 'utf-8' && !fromMeta.startsWith('utf-16'))
    return { text: iconv.decode(buf, fromMeta), encoding: fromMeta };
  if (asUtf8 !== undefined) return { text: asUtf8, encoding: 'utf-8' }; // pure ASCII
  const guesses = chardet.analyse(buf.subarray(0, 64 * 1024));
  for (const guess of guesses) {
    const enc = normalizeEncoding(guess.name);
    if (enc === 'gb18030' || enc === 'big5') return { text: iconv.decode(buf, enc), encoding: enc };
  }
  return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
}
