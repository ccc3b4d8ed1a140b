/**
 * 扫一扫在手机打开当前页: every portal page carries a QR code of its own address in the footer, drawn on
 * the server as SVG (no script), cached per address.
 */
import QRCode from 'qrcode';
import { RenderCache } from './cache.ts';

/**
 * The mask pattern, fixed. ISO/IEC 18004 §7.8 has the encoder score all eight masks and keep the one with the
 * fewest look-alike patterns; the mask chosen is written in the symbol's format information, so any reader
 * decodes any mask. Scoring them was three quarters of the cost of a QR code (0.6 ms against 0.14 ms for a page
 * address, issue #18: every page rendered fresh draws one), for a symbol this short that is shown on a screen.
 */
export const QR_MASK_PATTERN = 2;

/** The characters QR's alphanumeric mode holds (ISO/IEC 18004 §7.4.4): 5.5 bits each against byte mode's 8. */
const ALPHANUMERIC_RUN = /[0-9A-Z $%*+\-./:]+/g;

/**
 * Runs at least this long are worth a segment of their own in alphanumeric mode between byte-mode text: below it
 * the mode switch's header costs more than the bits saved (ISO/IEC 18004 Annex J's rule for versions 1–9, where
 * page addresses fall).
 */
const ALPHANUMERIC_SWITCH = 13;

/**
 * `text` split into byte-mode segments and alphanumeric ones for its long alphanumeric runs (a search address's
 * %E8%A1%8C…, an 索引号). The encoder's own split is the optimal one, found by a shortest path over every way of
 * cutting the text: most of a fresh page's QR code (0.14–1.3 ms against 0.03–0.09 ms), for symbols no larger on
 * the addresses tested (qr.test.ts).
 */
export function qrSegments(text: string): { data: string; mode: 'byte' | 'alphanumeric' }[] {
  const segments: { data: string; mode: 'byte' | 'alphanumeric' }[] = [];
  const bytes = (data: string) => {
    const last = segments.at(-1);
    if (last?.mode === 'byte') last.data += data;
    else if (data) segments.push({ data, mode: 'byte' });
  };
  let at = 0;
  for (const run of text.matchAll(ALPHANUMERIC_RUN)) {
    // A run that is the whole text, or that starts or ends it, saves a switch: worth it when shorter too.
    const edge = run.index === 0 || run.index + run[0].length === text.length;
    if (run[0].length < (edge ? ALPHANUMERIC_SWITCH / 2 : ALPHANUMERIC_SWITCH)) continue;
    bytes(text.slice(at, run.index));
    segments.push({ data: run[0], mode: 'alphanumeric' });
    at = run.index + run[0].length;
  }
  bytes(text.slice(at));
  return segments;
}

/** The symbol of `text` at level M, from qrSegments, with the fixed mask. */
export function qrSymbol(text: string): QRCode.QRCode {
  const segments = qrSegments(text).map((s) =>
    s.mode === 'byte' ? { mode: s.mode, data: Buffer.from(s.data, 'utf8') } : { mode: s.mode, data: s.data },
  );
  return QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: QR_MASK_PATTERN });
}

/** The dark modules of `text` as a QR code at level M, row by row (`true`: dark). */
export function qrModules(text: string): boolean[][] {
  const { size: n, data } = qrSymbol(text).modules;
  // Row-major, as the encoder's own renderers read it (`get(row, column)`).
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => data[y * n + x] === 1));
}

/**
 * The SVG of a QR code: each row's dark runs as one rectangle each, with the quiet zone of two modules. Read
 * off the symbol's own bytes (row by row, one a module): drawn through qrModules' arrays of booleans it cost
 * twice the symbol itself.
 */
export function qrSvg(text: string, label = '本页二维码'): string {
  const { size: n, data } = qrSymbol(text).modules;
  let path = '';
  for (let y = 0; y < n; y++) {
    const row = y * n;
    for (let x = 0; x < n; x++) {
      if (!data[row + x]) continue;
      let end = x;
      while (end + 1 < n && data[row + end + 1]) end++;
      path += `M${x + 2} ${y + 2}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 4} ${n + 4}" shape-rendering="crispEdges" role="img" aria-label="${label}"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

const cache = new RenderCache<string>(2000);

/**
 * Past this a QR code is too dense to scan from a screen (the format itself ends near 2,300 bytes at level M:
 * an address of 2.9 KB was a 500). In bytes, as the code holds them.
 */
export const MAX_QR_ADDRESS = 1000;

/**
 * The QR code of a page address, drawn once per address. A long address is drawn without its query (the page
 * itself); when even that is too long, there is no QR code.
 */
export async function pageQr(url: string): Promise<string | undefined> {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const address = bytes(url) > MAX_QR_ADDRESS ? url.split('?')[0] : url;
  if (bytes(address) > MAX_QR_ADDRESS) return undefined;
  return cache.get(address, () => qrSvg(address));
}
