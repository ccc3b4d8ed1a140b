import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseCoding, encodePage, matchesEtag } from './content-coding.ts';

describe('chooseCoding (Accept-Encoding)', () => {
  it.each([
    ['no header: the page as it is', undefined, null],
    ['empty header', '', null],
    ['a browser: br first', 'gzip, deflate, br, zstd', 'br'],
    ['gzip only', 'gzip', 'gzip'],
    ['x-gzip is gzip', 'x-gzip', 'gzip'],
    ['identity only', 'identity', null],
    ['deflate only: not kept', 'deflate', null],
    ['br refused with q=0', 'gzip, br;q=0', 'gzip'],
    ['both refused', 'gzip;q=0, br;q=0', null],
    ['gzip preferred by weight', 'br;q=0.5, gzip;q=0.8', 'gzip'],
    ['equal weights: br', 'gzip;q=0.5, br;q=0.5', 'br'],
    ['* accepts what is not named', '*', 'br'],
    ['* with br refused', '*, br;q=0', 'gzip'],
    ['upper case and spaces', ' GZIP ; Q=1 ', 'gzip'],
    ['a broken weight counts as refused', 'br;q=x, gzip', 'gzip'],
  ])('%s', (_name, header, expected) => {
    expect(chooseCoding(header)).toBe(expected);
  });
});

describe('matchesEtag (If-None-Match)', () => {
  const etag = 'W/"abc"';
  it.each([
    ['absent', undefined, false],
    ['the same tag', 'W/"abc"', true],
    ['strong form of the same tag (weak comparison)', '"abc"', true],
    ['one of a list', '"x", W/"abc"', true],
    ['another tag', 'W/"abd"', false],
    ['any', '*', true],
  ])('%s', (_name, header, expected) => {
    expect(matchesEtag(header, etag)).toBe(expected);
  });
});

describe('encodePage', () => {
  it('keeps brotli and gzip copies that decode to the page, smaller than it, with one tag', async () => {
    const html = `<!doctype html><table>${'<tr><td>收到申请数</td><td>12</td></tr>'.repeat(200)}</table>`;
    const page = await encodePage(new TextEncoder().encode(html));
    expect(brotliDecompressSync(page.br).toString('utf8')).toBe(html);
    expect(gunzipSync(page.gzip).toString('utf8')).toBe(html);
    expect(page.br.byteLength).toBeLessThan(page.identity.byteLength / 5);
    expect(page.gzip.byteLength).toBeLessThan(page.identity.byteLength / 5);
    expect(page.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const other = await encodePage(new TextEncoder().encode(`${html} `));
    expect(other.etag).not.toBe(page.etag);
  });
});
