import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { MAX_QR_ADDRESS, pageQr, QR_MASK_PATTERN, qrModules, qrSegments, qrSvg, qrSymbol } from './qr.ts';

/** The modules an SVG of qrSvg draws, read back from its path (each `M x y h w …z` a run of w dark modules). */
function drawn(svg: string): boolean[][] {
  const n = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]) - 4;
  const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = [m[1], m[2], m[3], m[4]].map(Number);
    expect(back).toBe(w);
    for (let i = 0; i < w; i++) {
      expect(grid[y - 2][x - 2 + i]).toBe(false); // runs never overlap
      grid[y - 2][x - 2 + i] = true;
    }
  }
  return grid;
}

/** The modules of the encoder's own SVG (its path: `M x y+0.5` starts a row, `m dx 0` skips, `h w` draws w dark). */
function referenceModules(svg: string, n: number): boolean[][] {
  const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  const path = /<path[^>]* d="([^"]+)"/.exec(svg.replace(/<path[^>]*fill="#ffffff"[^>]*>/, ''))![1];
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a) - 2, Number(b) - 2.5];
    else if (cmd === 'm') x += Number(a);
    else for (let i = 0; i < Number(a); i++) grid[y][x++] = true;
  }
  return grid;
}

describe('page QR codes', () => {
  const url = 'https://www.example.gov.cn/catalog/1234?from=search';

  it('draws exactly the modules of the symbol, a dark run as one rectangle', () => {
    const svg = qrSvg(url);
    expect(drawn(svg)).toEqual(qrModules(url));
    // Fewer rectangles than dark modules: runs were joined.
    const dark = qrModules(url).flat().filter(Boolean).length;
    expect((svg.match(/z/g) ?? []).length).toBeLessThan(dark);
  });

  it('is drawn the right way round: as the encoder’s own SVG draws the symbol, not its mirror image', async () => {
    // Drawn transposed until 2026-12 (modules.get(x, y) is get(row, column)): a mirror image, which only some
    // readers try.
    for (const address of [url, 'http://127.0.0.1:3000/search?q=%E5%85%AC%E5%BC%80&page=2']) {
      const segments = qrSegments(address).map((s) =>
        s.mode === 'byte' ? { mode: s.mode, data: Buffer.from(s.data) } : { mode: s.mode, data: s.data },
      );
      const reference = await QRCode.toString(segments, {
        type: 'svg',
        margin: 2,
        errorCorrectionLevel: 'M',
        maskPattern: QR_MASK_PATTERN,
      });
      const n = qrModules(address).length;
      expect(referenceModules(reference, n)).toEqual(drawn(qrSvg(address)));
    }
  });

  it('writes the fixed mask into the format information, as any reader decodes it', () => {
    const symbol = QRCode.create(url, { errorCorrectionLevel: 'M', maskPattern: QR_MASK_PATTERN });
    expect(symbol.maskPattern).toBe(QR_MASK_PATTERN);
    // The same text with the mask the encoder would have scored best is another drawing of the same data.
    const scored = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(scored.version).toBe(symbol.version);
  });

  it('splits an address into segments no larger than the encoder’s optimal split, each in a mode that holds it', () => {
    const addresses = [
      url,
      'http://127.0.0.1:3000/catalog/123',
      `http://127.0.0.1:3000/search?q=${encodeURIComponent('人民政府 关于')}&page=2`,
      `https://x.gov.cn/search?q=${encodeURIComponent('关于进一步加强政府信息公开工作的实施意见')}`,
      'https://x.gov.cn/catalog?agency=12&category=20.1&page=3',
      'HTTP://X.GOV.CN/A',
      'http://h/s?q=中文直接',
      'https://x.gov.cn/search?q=11320000014160084Q/2026-00012',
    ];
    for (const address of addresses) {
      const segments = qrSegments(address);
      expect(segments.map((s) => s.data).join('')).toBe(address);
      for (const s of segments) if (s.mode === 'alphanumeric') expect(s.data).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
      const ours = qrSymbol(address);
      const optimal = QRCode.create(address, { errorCorrectionLevel: 'M', maskPattern: QR_MASK_PATTERN });
      expect(ours.version, address).toBeLessThanOrEqual(optimal.version);
    }
    // A search address's percent-encoded words are one alphanumeric segment, not bytes.
    expect(qrSegments(addresses[3]).map((s) => s.mode)).toEqual(['byte', 'alphanumeric']);
  });

  it('drops the query of an address too long to scan, and draws nothing past the limit', async () => {
    const long = `https://x.gov.cn/search?q=${'词'.repeat(MAX_QR_ADDRESS)}`;
    expect(drawn((await pageQr(long))!)).toEqual(qrModules('https://x.gov.cn/search'));
    expect(await pageQr(`https://x.gov.cn/${'a'.repeat(MAX_QR_ADDRESS + 1)}`)).toBeUndefined();
  });
});
