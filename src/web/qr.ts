/**
 * 扫一扫在手机打开当前页: every portal page carries a QR code of its own address in the footer, drawn on
 * the server as SVG (no script), cached per address.
 */
import QRCode from 'qrcode';
import { RenderCache } from './cache.ts';

export function qrSvg(text: string, label = '本页二维码'): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(x, y)) path += `M${x + 2} ${y + 2}h1v1h-1z`;
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
