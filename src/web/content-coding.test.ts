import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_ON_LOOP_UP_TO, chooseCoding, codedAs, encodePage, matchesEtag } from './content-coding.ts';

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

describe('encodePage and codedAs', () => {
  it('makes brotli and gzip copies on demand that decode to the page, smaller than it, with one tag', async () => {
    const html = `<!doctype html><table>${'<tr><td>收到申请数</td><td>12</td></tr>'.repeat(200)}</table>`;
    const page = encodePage(new TextEncoder().encode(html));
    expect(page.codedBytes).toBe(0); // nothing compressed before a visitor asks
    const br = await codedAs(page, 'br');
    expect(page.coded.gzip).toBeUndefined(); // only the coding asked for
    expect(await codedAs(page, 'br')).toBe(br); // made once
    const gz = await codedAs(page, 'gzip');
    expect(brotliDecompressSync(br).toString('utf8')).toBe(html);
    expect(gunzipSync(gz).toString('utf8')).toBe(html);
    expect(br.byteLength).toBeLessThan(page.identity.byteLength / 5);
    expect(gz.byteLength).toBeLessThan(page.identity.byteLength / 5);
    expect(page.codedBytes).toBe(br.byteLength + gz.byteLength);
    expect(await codedAs(page, null)).toBe(page.identity);
    expect(page.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const other = encodePage(new TextEncoder().encode(`${html} `));
    expect(other.etag).not.toBe(page.etag);
  });

  it.each([
    ['a page compressed on the event loop', 20_000],
    ['a long page compressed in the thread pool', COMPRESS_ON_LOOP_UP_TO + 50_000],
  ])('%s decodes to itself in both codings', async (_name, size) => {
    // Varied rows, so that the page is as long compressed as a real one relative to its size.
    let html = '<!doctype html><table>';
    for (let i = 0; html.length < size; i++) html += `<tr><td>第${i}号</td><td>${(i * 7919) % 10007}</td></tr>`;
    const bytes = new TextEncoder().encode(html);
    expect(bytes.byteLength > COMPRESS_ON_LOOP_UP_TO).toBe(size > COMPRESS_ON_LOOP_UP_TO);
    const page = encodePage(bytes);
    expect(brotliDecompressSync(await codedAs(page, 'br')).toString('utf8')).toBe(html);
    expect(gunzipSync(await codedAs(page, 'gzip')).toString('utf8')).toBe(html);
  });
});
