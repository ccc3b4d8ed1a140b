/**
 * Compressed copies of a page and the choice among them (RFC 9110 §12.5.3 Accept-Encoding, §8.8.3 ETag,
 * §13.1.2 If-None-Match). The page cache compresses a page once when it keeps it, so every later visitor gets
 * the small copy without the server compressing anything again.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip';

export interface Coded {
  identity: Uint8Array;
  /** A weak validator: the same for every coding of the same page. */
  etag: string;
  /** The compressed copies made so far: each is made when a visitor first accepts it (codedAs). */
  coded: Partial<Record<Coding, Promise<Uint8Array>>>;
  /** Bytes of the copies made so far (the page cache counts them against its budget). */
  codedBytes: number;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A page ready to be sent in any coding. Nothing is compressed yet: a page rendered fresh is compressed once,
 * in the one coding its first visitor accepts (brotli for every browser today), and in another only when a
 * visitor asks for it. Compressing both at once cost the fresh page twice the compression (issue #18).
 */
export function encodePage(identity: Uint8Array): Coded {
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return { identity, etag, coded: {}, codedBytes: 0 };
}

/**
 * Pages up to this size are compressed on the event loop rather than in libuv's thread pool. A brotli encoder
 * allocates megabytes of tables; one at a time on one thread the allocator reuses them, but four pool threads
 * compressing at once map and fault in fresh memory for every page: under 64 connections a 5 KB item page cost
 * 0.8–1.7 ms of CPU compressed in the pool against 0.2–0.3 ms on one thread (issue #18, measured with 4 to 16
 * compressions in flight; in the scale-out bench the pool spent 2.5 ms a request, nothing without compression).
 * A larger page (a long report, 100 KB and up) goes to the pool, where blocking the loop would cost more.
 */
export const COMPRESS_ON_LOOP_UP_TO = 96 * 1024;

const BROTLI_PAGE = (bytes: number) => ({
  params: {
    // Brotli at quality 6 keeps a page under a fifth of its size.
    [constants.BROTLI_PARAM_QUALITY]: 6,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
  },
});

function compress(identity: Uint8Array, coding: Coding): Promise<Buffer> {
  if (identity.byteLength <= COMPRESS_ON_LOOP_UP_TO) {
    return new Promise((resolve) =>
      resolve(
        coding === 'gzip'
          ? gzipSync(identity, { level: 9 })
          : brotliCompressSync(identity, BROTLI_PAGE(identity.byteLength)),
      ),
    );
  }
  if (coding === 'gzip') return gzipped(identity, { level: 9 });
  return brotli(identity, BROTLI_PAGE(identity.byteLength));
}

/** The page in `coding`, compressed on first demand and kept on the page (`null`: the identity). */
export function codedAs(page: Coded, coding: Coding | null): Promise<Uint8Array> {
  if (!coding) return Promise.resolve(page.identity);
  let made = page.coded[coding];
  if (!made) {
    made = compress(page.identity, coding).then((bytes) => {
      page.codedBytes += bytes.byteLength;
      return new Uint8Array(bytes);
    });
    page.coded[coding] = made;
    // A failed compression is tried again by the next visitor.
    made.catch(() => {
      if (page.coded[coding] === made) delete page.coded[coding];
    });
  }
  return made;
}

/**
 * The coding to send for an Accept-Encoding header: br before gzip when both are acceptable, none when the
 * header is absent or refuses both (`q=0`). `*` accepts what is not named.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weightOf = (coding: Coding) =>
    q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

/** Whether an If-None-Match header names this page (weak comparison, as GET allows). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
