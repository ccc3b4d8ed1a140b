/**
 * Office Open XML (DOCX, XLSX) at the level 脱敏 needs. The zip is read and written back with every entry that
 * did not change kept as it was (its compressed bytes, method and date; only the container's headers are
 * written anew). The text of an XML part is read character by character with the span of markup each
 * character came from (an entity such as `&#49;` is one character), so a finding in text joined from several
 * elements — Word splits a number across runs at will — is masked where each of its digits sits.
 */
import JSZip from 'jszip';
import { findPersonalData } from './pii.ts';

/** Text read out of XML: `text[i]` came from `xml.slice(from[i], to[i])`. */
export interface XmlText {
  text: string;
  from: number[];
  to: number[];
}

/** What to read as one piece of text. */
export interface TextSpec {
  /** Elements holding text (`w:t`); their text nodes are joined within a piece. */
  text: ReadonlySet<string>;
  /** Elements that end one piece and start the next, as start, end or empty tag (`w:p`, `w:tab`). */
  breaks: ReadonlySet<string>;
  /** Elements whose content is not read (`rPh`, phonetic guides). */
  skip?: ReadonlySet<string>;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g;
const TAG_NAME = /^<\/?([^\s/>]+)/;
const ATTRIBUTE = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /^&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

interface Tag {
  name: string;
  closing: boolean;
  empty: boolean;
}

function tagOf(token: string): Tag | null {
  if (token[0] !== '<' || token[1] === '!' || token[1] === '?') return null;
  const name = TAG_NAME.exec(token)?.[1];
  if (!name) return null;
  return { name, closing: token[1] === '/', empty: token.endsWith('/>') };
}

/** Appends the characters of escaped XML text `raw` (at `base` in the part) to `out`. */
function decodeInto(out: XmlText, raw: string, base: number): void {
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '&') {
      const m = ENTITY.exec(raw.slice(i, i + 12));
      if (m) {
        const ch = m[3] ? NAMED[m[3]] : String.fromCodePoint(Number.parseInt(m[1] ?? m[2], m[1] ? 16 : 10));
        for (const unit of ch.split('')) {
          out.text += unit;
          out.from.push(base + i);
          out.to.push(base + i + m[0].length);
        }
        i += m[0].length;
        continue;
      }
    }
    out.text += raw[i];
    out.from.push(base + i);
    out.to.push(base + i + 1);
    i++;
  }
}

const emptyText = (): XmlText => ({ text: '', from: [], to: [] });

/** The pieces of text of an XML part as `spec` reads them, in document order (empty pieces left out). */
export function xmlTexts(xml: string, spec: TextSpec): XmlText[] {
  const pieces: XmlText[] = [];
  let piece = emptyText();
  const flush = () => {
    if (piece.text) pieces.push(piece);
    piece = emptyText();
  };
  let inside: string | null = null;
  let skipping = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    const tag = tagOf(token);
    if (tag) {
      if (spec.breaks.has(tag.name)) flush();
      if (spec.skip?.has(tag.name) && !tag.empty) skipping += tag.closing ? -1 : 1;
      if (spec.text.has(tag.name) && !tag.empty) inside = tag.closing ? null : tag.name;
      continue;
    }
    if (inside === null || skipping > 0) continue;
    if (token.startsWith('<![CDATA[')) {
      const body = token.slice(9, -3);
      for (let i = 0; i < body.length; i++) {
        piece.text += body[i];
        piece.from.push(m.index + 9 + i);
        piece.to.push(m.index + 10 + i);
      }
    } else if (token[0] !== '<') {
      decodeInto(piece, token, m.index);
    }
  }
  flush();
  return pieces;
}

/** Every text node of the part, each a piece of its own (document properties). */
export function xmlTextNodes(xml: string): XmlText[] {
  const pieces: XmlText[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    if (m[0][0] === '<' || !/\S/.test(m[0])) continue;
    const piece = emptyText();
    decodeInto(piece, m[0], m.index);
    pieces.push(piece);
  }
  return pieces;
}

/** Every attribute value of the part (but namespace declarations), each a piece of its own. */
export function xmlAttributeTexts(xml: string): XmlText[] {
  const pieces: XmlText[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    if (!tagOf(m[0]) || m[0][1] === '/') continue;
    for (const a of m[0].matchAll(ATTRIBUTE)) {
      if (a[1] === 'xmlns' || a[1].startsWith('xmlns:')) continue;
      const value = a[2] ?? a[3];
      if (value.length < 11) continue;
      const piece = emptyText();
      decodeInto(piece, value, m.index + a.index + a[0].length - value.length - 1);
      pieces.push(piece);
    }
  }
  return pieces;
}

/**
 * `xml` with every personal-data finding in `pieces` masked as `maskPersonalData` masks text: each character
 * the mask changes is replaced, where it sits in the markup, by `*`; nothing else is touched.
 */
export function maskXmlPieces(xml: string, pieces: XmlText[]): string {
  const edits = new Map<number, number>();
  for (const piece of pieces) {
    for (const f of findPersonalData(piece.text)) {
      for (let i = f.start; i < f.end; i++) {
        if (f.masked[i - f.start] !== piece.text[i]) edits.set(piece.from[i], piece.to[i]);
      }
    }
  }
  if (edits.size === 0) return xml;
  let out = '';
  let at = 0;
  for (const from of [...edits.keys()].sort((a, b) => a - b)) {
    out += `${xml.slice(at, from)}*`;
    at = edits.get(from) as number;
  }
  return out + xml.slice(at);
}

/** An Office file opened for reading and rewriting its XML parts. */
export interface OfficePackage {
  zip: JSZip;
  /** Names of the entries, in the order they are stored. */
  names: string[];
  /** An XML part as text (null when absent, or not UTF-8: such a part is left alone). */
  read(name: string): Promise<string | null>;
}

export async function openPackage(bytes: Uint8Array): Promise<OfficePackage> {
  const zip = await JSZip.loadAsync(bytes, { createFolders: false });
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return {
    zip,
    names,
    async read(name) {
      const file = zip.file(name);
      if (!file) return null;
      const data = await file.async('uint8array');
      if (data[0] === 0xfe || data[0] === 0xff) return null; // UTF-16
      try {
        // The byte order mark, if any, is kept as a character so that it is written back.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
      } catch {
        return null;
      }
    },
  };
}

/** How an entry read from a zip was stored (JSZip keeps it, but does not say so in its types). */
const storedUncompressed = (file: JSZip.JSZipObject) =>
  (file as unknown as { _data?: { compression?: { magic?: string } } })._data?.compression?.magic === '\x00\x00';

/**
 * The package with `changed` parts written in (UTF-8, deflated, the entry's date kept). Entries not changed
 * keep their compressed bytes and method; their order is kept.
 */
export async function writePackage(pkg: OfficePackage, changed: Map<string, string>): Promise<Uint8Array> {
  const { zip } = pkg;
  for (const name of pkg.names) {
    const file = zip.files[name];
    const xml = changed.get(name);
    if (xml === undefined) {
      file.options.compression = storedUncompressed(file) ? 'STORE' : 'DEFLATE';
      continue;
    }
    zip.file(name, new TextEncoder().encode(xml), {
      binary: true,
      createFolders: false,
      date: file.date,
      compression: 'DEFLATE',
      unixPermissions: file.unixPermissions,
      dosPermissions: file.dosPermissions,
      comment: file.comment,
    });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The text of pieces, one line each. */
export const piecesText = (pieces: XmlText[]) => pieces.map((p) => p.text).join('\n');
