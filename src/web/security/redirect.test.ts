import { describe, expect, it } from 'vitest';
import { OFF_SITE_TARGETS } from '../../testing/hostile.ts';
import { safeLocalPath } from './redirect.ts';

describe('safeLocalPath: a path of this site, or the fallback', () => {
  it.each(OFF_SITE_TARGETS.map((v) => [JSON.stringify(v).slice(0, 60), v]))('refuses %s', (_name, value) => {
    expect(safeLocalPath(value, '/')).toBe('/');
    expect(safeLocalPath(value, '/console', '/console')).toBe('/console');
  });

  it.each([
    ['the home page', '/', '/'],
    ['a catalog page with its query', '/catalog?page=2&q=预算', '/catalog?page=2&q=%E9%A2%84%E7%AE%97'],
    ['a page with a fragment', '/guide#how', '/guide#how'],
    ['an encoded space', '/search?q=a%20b', '/search?q=a%20b'],
  ])('keeps %s', (_name, value, expected) => {
    expect(safeLocalPath(value, '/')).toBe(expected);
  });

  it.each([
    ['a console page', '/console/cases/7', '/console/cases/7'],
    ['the console itself', '/console', '/console'],
    ['a page outside the console', '/catalog', '/console'],
    ['a name that only starts like it', '/consoleevil', '/console'],
    ['a way out of the console by dots', '/console/../catalog', '/console'],
  ])('after sign-in, only the console: %s', (_name, value, expected) => {
    expect(safeLocalPath(value, '/console', '/console')).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['an array', ['/catalog']],
  ])('gives the fallback for %s', (_name, value) => {
    expect(safeLocalPath(value, '/')).toBe('/');
  });
});
