/** RSS 2.0, Atom 1.0, JSON Feed 1.1 and sitemap.xml of published catalog items (pure: rows in, text out). */
import { escapeHtml } from '../escape-html.ts';

export interface FeedEntry {
  id: number;
  indexNo: string;
  title: string;
  url: string;
  publishedOn: string;
  updatedAt: Date;
  summary: string;
  agency: string;
}

export interface FeedInfo {
  title: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the site's catalog page. */
  home: string;
}

const xml = escapeHtml;
const rfc822 = (date: string) => new Date(`${date}T00:00:00+08:00`).toUTCString();
const iso = (date: string) => `${date}T00:00:00+08:00`;

export function rssFeed(info: FeedInfo, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `<item><title>${xml(e.title)}</title><link>${xml(e.url)}</link><guid isPermaLink="false">${xml(e.indexNo)}</guid><pubDate>${rfc822(e.publishedOn)}</pubDate><author>${xml(e.agency)}</author><description>${xml(e.summary)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(info.title)}</title><link>${xml(info.home)}</link><description>${xml(info.title)}</description><language>zh-CN</language><atom:link href="${xml(info.self)}" rel="self" type="application/rss+xml"/>${items}</channel></rss>`;
}

export function atomFeed(info: FeedInfo, entries: FeedEntry[]): string {
  const updated = new Date(Math.max(0, ...entries.map((e) => e.updatedAt.getTime())));
  const items = entries
    .map(
      (e) =>
        `<entry><id>urn:gongkai:${xml(e.indexNo)}</id><title>${xml(e.title)}</title><link href="${xml(e.url)}"/><published>${iso(e.publishedOn)}</published><updated>${e.updatedAt.toISOString()}</updated><author><name>${xml(e.agency)}</name></author><summary>${xml(e.summary)}</summary></entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><id>${xml(info.self)}</id><title>${xml(info.title)}</title><link href="${xml(info.home)}"/><link rel="self" href="${xml(info.self)}"/><updated>${updated.toISOString()}</updated>${items}</feed>`;
}

export function jsonFeed(info: FeedInfo, entries: FeedEntry[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: info.home,
    feed_url: info.self,
    language: 'zh-CN',
    items: entries.map((e) => ({
      id: e.indexNo,
      url: e.url,
      title: e.title,
      summary: e.summary,
      date_published: iso(e.publishedOn),
      date_modified: e.updatedAt.toISOString(),
      authors: [{ name: e.agency }],
    })),
  };
}

export function sitemap(urls: { loc: string; lastmod: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((u) => `<url><loc>${xml(u.loc)}</loc><lastmod>${u.lastmod}</lastmod></url>`)
    .join('')}</urlset>`;
}
