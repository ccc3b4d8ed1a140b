/**
 * 扫一扫在手机打开当前页: every portal page carries a QR code of its own address in the footer, drawn on
 * the server as SVG (no script). The layout leaves a marker; this middleware fills it in.
 */
import type { MiddlewareHandler } from 'hono';
import QRCode from 'qrcode';
import { RenderCache } from './cache.ts';
import type { AppEnv } from './env.ts';

export const QR_MARKER = '<!--gk-qr-->';

export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(x, y)) path += `M${x + 2} ${y + 2}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 4} ${n + 4}" shape-rendering="crispEdges" role="img" aria-label="本页二维码"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export function qrCodes(): MiddlewareHandler<AppEnv> {
  const cache = new RenderCache<string>(2000);
  return async (c, next) => {
    await next();
    if (
      c.req.method !== 'GET' ||
      c.req.path.startsWith('/console') ||
      !(c.res.headers.get('content-type') ?? '').startsWith('text/html')
    )
      return;
    const html = await c.res.text();
    if (!html.includes(QR_MARKER)) {
      c.res = new Response(html, { status: c.res.status, headers: c.res.headers });
      return;
    }
    const url = new URL(c.req.url);
    const svg = await cache.get(url.href, () => qrSvg(url.href));
    c.res = new Response(
      html.replace(QR_MARKER, `<figure class="qr">${svg}<figcaption>扫一扫在手机打开当前页</figcaption></figure>`),
      {
        status: c.res.status,
        headers: c.res.headers,
      },
    );
  };
}
