/**
 * A zip (DOCX, XLSX) checked before anything inflates it: the sizes its central directory declares, entry by
 * entry and in all, and the ratio of each entry's size to its compressed bytes (a zip bomb declares little
 * and inflates to gigabytes, or declares gigabytes from a few kilobytes). `checkZipInflated` then inflates
 * each entry with its declared size as the cap (an entry that inflates past what it declared is refused) and
 * refuses XML that declares a DOCTYPE or entities (OOXML has none: an entity bomb expands a few kilobytes to
 * gigabytes in the XML parser). It runs inside the sandbox worker, under its memory and time budget.
 */
import { inflateRawSync } from 'node:zlib';

export const ZIP_LIMITS = {
  entries: 5000,
  entryBytes: 200 * 1024 * 1024,
  totalBytes: 400 * 1024 * 1024,
  /** Past 1 MB, an entry may inflate to at most this many times its compressed size. */
  ratio: 200,
};

export class ZipRefused extends Error {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function entries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('不是完整的 ZIP 文件（没有中央目录）');
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('不支持 ZIP64 文件');
  if (count > ZIP_LIMITS.entries) throw new ZipRefused(`ZIP 内文件过多（${count} 个）`);
  const list: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipRefused('ZIP 中央目录损坏');
    const nameLength = view.getUint16(at + 28, true);
    list.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return list;
}

/** The declared sizes and ratios; cheap, before any inflating. Throws ZipRefused with the reason. */
export function checkZipDeclared(bytes: Uint8Array): void {
  declaredEntries(bytes);
}

/** The entries, once their declared sizes and ratios pass (checkZipDeclared). */
function declaredEntries(bytes: Uint8Array): Entry[] {
  const list = entries(bytes);
  let total = 0;
  for (const e of list) {
    if (e.size > ZIP_LIMITS.entryBytes) throw new ZipRefused(`ZIP 内文件 ${e.name} 解压后过大（声明 ${e.size} 字节）`);
    if (e.size > 1024 * 1024 && e.size > e.compressed * ZIP_LIMITS.ratio)
      throw new ZipRefused(`ZIP 内文件 ${e.name} 压缩比异常（疑似 ZIP 炸弹）`);
    total += e.size;
    if (total > ZIP_LIMITS.totalBytes) throw new ZipRefused('ZIP 解压后总大小过大（疑似 ZIP 炸弹）');
  }
  return list;
}

/** One entry's bytes inflated with its declared size as the cap; throws ZipRefused past it. */
function inflateEntry(bytes: Uint8Array, view: DataView, e: Entry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipRefused('ZIP 文件头损坏');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  let content: Uint8Array;
  if (e.method === 0) content = data;
  else if (e.method === 8) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipRefused(`ZIP 内文件 ${e.name} 实际解压大小超过声明（疑似 ZIP 炸弹）`);
      throw new ZipRefused(`ZIP 内文件 ${e.name} 无法解压`);
    }
  } else throw new ZipRefused(`ZIP 内文件 ${e.name} 的压缩方式不受支持`);
  if (content.byteLength > e.size) throw new ZipRefused(`ZIP 内文件 ${e.name} 实际大小超过声明`);
  return content;
}

/**
 * The markup parts a check inflated and passed, kept for the reader of the same bytes (openZip): the sandbox
 * checks a package and then reads it, and a DOCX batch inflated each part twice (a third of its time). Only
 * markup is kept (the parts a reader reads; images are not), at most KEPT_BYTES of it, so the check holds no
 * more at once than it did; past that a part is inflated again, under the same cap, when read. Keyed by the
 * bytes themselves: dropped with them.
 */
const checked = new WeakMap<Uint8Array, Map<string, Uint8Array>>();
const KEPT_BYTES = 32 * 1024 * 1024;
const MARKUP = /\.(?:xml|rels|vml)$/i;

/**
 * `<!DOCTYPE` or `<!ENTITY` in the bytes. Searched from `!` to `!` (a byte search, where a search for either
 * string took twice a DOCX's inflating): OOXML has few, none in most parts. No copy, no decoding.
 */
function declaresEntities(content: Uint8Array): boolean {
  const xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  for (let at = xml.indexOf(0x21); at >= 0; at = xml.indexOf(0x21, at + 1)) {
    if (xml[at - 1] !== 0x3c) continue;
    const next = xml.toString('latin1', at + 1, at + 8);
    if (next === 'DOCTYPE' || next.startsWith('ENTITY')) return true;
  }
  return false;
}

/** Every entry inflated with its declared size as the cap, and its XML free of DOCTYPE and entities. */
export function checkZipInflated(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = new Map<string, Uint8Array>();
  let keptBytes = 0;
  for (const e of declaredEntries(bytes)) {
    const content = inflateEntry(bytes, view, e);
    if (MARKUP.test(e.name)) {
      if (declaresEntities(content)) throw new ZipRefused(`ZIP 内文件 ${e.name} 含有 XML 实体声明（已禁用实体展开）`);
      kept.delete(e.name); // a name given twice: the reader reads the last, as openZip's own lookup does
      if (keptBytes + content.byteLength <= KEPT_BYTES) {
        kept.set(e.name, content);
        keptBytes += content.byteLength;
      }
    }
  }
  checked.set(bytes, kept);
}

/**
 * A zip's entries by name, each read on demand under the same checks (declared sizes first, each entry
 * inflated with its declared size as the cap) or, when checkZipInflated passed these very bytes, as it
 * inflated them: how the DOCX reader (src/extract/decode/docx.ts) opens a package.
 */
export function openZip(bytes: Uint8Array): { names: string[]; read(name: string): Uint8Array | undefined } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(declaredEntries(bytes).map((e) => [e.name, e]));
  const kept = checked.get(bytes);
  return {
    names: [...byName.keys()],
    read(name) {
      const e = byName.get(name);
      return e ? (kept?.get(name) ?? inflateEntry(bytes, view, e)) : undefined;
    },
  };
}
