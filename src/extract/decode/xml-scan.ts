/**
 * A fast reader of well-formed XML for the DOCX parts (./docx.ts), giving the calls htmlparser2 gives in
 * XML mode with entities decoded (tags, attributes, text, end tags; processing instructions and comments
 * passed over). htmlparser2's tokenizer, a state machine run character by character, was over half of a
 * DOCX's reading. This one jumps from `<` to `<` and reads each tag by its character codes.
 * It accepts only what it reads exactly as htmlparser2 does: tags and attribute names of XML name characters,
 * quoted attribute values, end tags matching their start, the five XML entities and numeric references to
 * ordinary characters. Anything else (CDATA, a stray `&` or `<`, a tag left open, an unquoted value…) makes
 * it stop and return false: the caller drops what it was given and reads the part with htmlparser2 as
 * before; so what is read never changes, only how fast.
 */

export interface XmlSink {
  onopentag(name: string, attrs: Record<string, string>): void;
  /**
   * True when the element about to open will not be read (its attributes then are not built: they are
   * still checked, and the element is given with no attributes).
   */
  ignores?(name: string): boolean;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

/** The attributes of an ignored element: none. */
const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** XML name characters this reader reads (ASCII): a letter or `_` first, then letters, digits, `_ . : -`. */
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x3a) /* 0-9 : */ || c === 0x2e || c === 0x2d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** The end of the name starting at `at` (at itself when none starts there). */
function nameEnd(xml: string, at: number): number {
  if (!isNameStart(xml.charCodeAt(at))) return at;
  let i = at + 1;
  while (isNameChar(xml.charCodeAt(i))) i++;
  return i;
}
function skipSpace(xml: string, at: number): number {
  let i = at;
  while (isSpace(xml.charCodeAt(i))) i++;
  return i;
}
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character htmlparser2 decodes from a numeric reference as itself (no replacement, no C1 mapping). */
function ordinary(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0x7f && code <= 0x9f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code <= 0x10ffff;
}

/** The text with its entities decoded, or undefined when it holds an `&` the fast reader does not read. */
function decode(raw: string): string | undefined {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw);
    if (!m) return undefined;
    let ch: string;
    if (m[1]) ch = NAMED[m[1]];
    else {
      const code = m[2] ? Number.parseInt(m[2], 10) : Number.parseInt(m[3], 16);
      if (!ordinary(code)) return undefined;
      ch = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + ch;
    from = ENTITY.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * Reads `xml` into `sink` and returns true; or returns false, part of the way through, when something in it
 * is not read exactly as htmlparser2 reads it (see above): the caller then drops what `sink` was given.
 * `xml` may come in pieces, each after the first starting at a `<` (xmlPieces): anything that would run
 * across a cut (a comment or a value holding `<`) makes it return false, so what it reads is what it reads
 * of the pieces joined.
 */
export function scanXml(xml: string | readonly string[], sink: XmlSink): boolean {
  const open: string[] = [];
  for (const piece of typeof xml === 'string' ? [xml] : xml) if (!scanPiece(piece, open, sink)) return false;
  return open.length === 0;
}

/** One piece of the XML read into `sink`, the elements left open carried in `open`; false as scanXml. */
function scanPiece(xml: string, open: string[], sink: XmlSink): boolean {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = decode(xml.slice(i, textEnd));
      if (text === undefined) return false;
      sink.ontext(text);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const end = nameEnd(xml, lt + 2);
      const gt = skipSpace(xml, end);
      const name = xml.slice(lt + 2, end);
      if (end === lt + 2 || xml.charCodeAt(gt) !== 0x3e || open.pop() !== name) return false;
      sink.onclosetag(name);
      i = gt + 1;
    } else if (next === 0x3f /* ? */) {
      // htmlparser2 ends a processing instruction at its first `>`.
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0 || xml.charCodeAt(gt - 1) !== 0x3f) return false;
      i = gt + 1;
    } else if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) return false;
      const end = xml.indexOf('-->', lt + 2);
      if (end < lt + 4) return false; // `<!-->` and `<!--->`: read as htmlparser2 reads them, not here
      i = end + 3;
    } else {
      let at = nameEnd(xml, lt + 1);
      if (at === lt + 1) return false;
      const name = xml.slice(lt + 1, at);
      const ignored = sink.ignores?.(name) ?? false;
      const attrs: Record<string, string> = ignored ? NONE : {};
      let closed = false;
      for (;;) {
        const from = at;
        at = skipSpace(xml, at);
        const c = xml.charCodeAt(at);
        if (c === 0x3e /* > */) {
          at++;
          break;
        }
        if (c === 0x2f /* / */) {
          if (xml.charCodeAt(at + 1) !== 0x3e) return false;
          closed = true;
          at += 2;
          break;
        }
        // An attribute: separated from the tag name and from the one before by white space.
        const end = nameEnd(xml, at);
        if (at === from || end === at) return false;
        const key = ignored ? '' : xml.slice(at, end);
        at = skipSpace(xml, end);
        if (xml.charCodeAt(at) !== 0x3d /* = */) return false;
        at = skipSpace(xml, at + 1);
        const quote = xml.charCodeAt(at);
        if (quote !== 0x22 && quote !== 0x27) return false;
        const close = xml.indexOf(quote === 0x22 ? '"' : "'", at + 1);
        if (close < 0) return false;
        let amp = false;
        for (let k = at + 1; k < close; k++) {
          const v = xml.charCodeAt(k);
          if (v === 0x3c /* < */) return false;
          if (v === 0x26 /* & */) amp = true;
        }
        if (ignored) {
          if (amp && decode(xml.slice(at + 1, close)) === undefined) return false;
        } else {
          const value = decode(xml.slice(at + 1, close));
          if (value === undefined) return false;
          if (!Object.hasOwn(attrs, key)) attrs[key] = value; // the first of a repeated attribute, as htmlparser2
        }
        at = close + 1;
      }
      sink.onopentag(name, attrs);
      if (closed) sink.onclosetag(name);
      else open.push(name);
      i = at;
    }
  }
  return true;
}

/** Under V8's large-object size even as two-byte characters (64 K of them). */
const PIECE_BYTES = 60 * 1024;

/**
 * A part's UTF-8 decoded in pieces of at most PIECE_BYTES, each cut before a `<` (never inside a character: no
 * byte of a multi-byte character is below 0x80): a string of over 128 KB is allocated by V8 in its large object
 * space, about 0.7 ms each here, where a DOCX's body of 140 KB decodes in pieces in a few microseconds.
 */
export function xmlPieces(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: string[] = [];
  let from = 0;
  while (bytes.byteLength - from > PIECE_BYTES) {
    const cut = buf.lastIndexOf(0x3c, from + PIECE_BYTES);
    if (cut <= from) break; // no `<` to cut before: the rest in one piece
    pieces.push(buf.toString('utf8', from, cut));
    from = cut;
  }
  pieces.push(buf.toString('utf8', from));
  return pieces;
}
