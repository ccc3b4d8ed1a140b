/**
 * The site's public address. Behind a reverse proxy (nginx terminating HTTPS, the usual deployment) a request
 * reaches gongkai as http://127.0.0.1:3000/…; the addresses it gives out (the QR code of a page, feeds, the
 * sitemap) must be the public ones, from GONGKAI_PUBLIC_URL.
 */

/** The origin of a configured public URL (`https://xxgk.example.gov.cn/` → `https://xxgk.example.gov.cn`). */
export function publicOrigin(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`不是网站地址：${publicUrl}`);
  return url.origin;
}

/** A request's address with the public origin in place of the one it arrived with (when one is configured). */
export function publicAddress(requestUrl: string, origin: string | undefined): string {
  if (!origin) return requestUrl;
  const url = new URL(requestUrl);
  return `${origin}${url.pathname}${url.search}`;
}
