import { describe, expect, it } from 'vitest';
import { publicAddress, publicOrigin } from './public-url.ts';

describe('the public address behind a reverse proxy', () => {
  it.each([
    ['https with a path and slash', 'https://xxgk.example.gov.cn/', 'https://xxgk.example.gov.cn'],
    ['a port is kept', 'http://10.0.0.5:8080/gongkai', 'http://10.0.0.5:8080'],
  ])('publicOrigin: %s', (_name, url, origin) => {
    expect(publicOrigin(url)).toBe(origin);
  });

  it.each([
    ['not an address', 'xxgk.example.gov.cn'],
    ['not a web address', 'ftp://xxgk.example.gov.cn'],
  ])('publicOrigin refuses %s', (_name, url) => {
    expect(() => publicOrigin(url)).toThrow();
  });

  it('puts the public origin in place of the internal one, keeping path and query', () => {
    expect(publicAddress('http://127.0.0.1:3000/catalog?page=2', 'https://xxgk.example.gov.cn')).toBe(
      'https://xxgk.example.gov.cn/catalog?page=2',
    );
    expect(publicAddress('http://127.0.0.1:3000/guide', undefined)).toBe('http://127.0.0.1:3000/guide');
  });
});
