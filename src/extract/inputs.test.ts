import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandBraces, expandInputs, globToRegExp } from './inputs.ts';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-inputs-'));
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  for (const f of ['r1.txt', 'r2.html', 'notes.md', 'a/r3.htm', 'a/b/r4.pdf', 'a/b/r5.docx', 'a/b/x.json'])
    writeFileSync(join(dir, f), 'x');
  return dir;
}

const names = (paths: Iterable<string>, dir: string) => [...paths].map((p) => p.slice(dir.length + 1));

describe('inputs', () => {
  it('walks a directory recursively for the known extensions, in a stable order', () => {
    const dir = tree();
    expect(names(expandInputs([dir]), dir)).toEqual(['a/b/r4.pdf', 'a/b/r5.docx', 'a/r3.htm', 'r1.txt', 'r2.html']);
  });

  it.each([
    ['*.txt', ['r1.txt']],
    ['**/*.htm*', ['a/r3.htm', 'r2.html']],
    ['**/r[13].*', ['a/r3.htm', 'r1.txt']],
    ['a/**/*.{pdf,docx}', ['a/b/r4.pdf', 'a/b/r5.docx']],
    ['r?.txt', ['r1.txt']],
    ['*.xyz', []],
  ])('matches the glob %s', (glob, expected) => {
    const dir = tree();
    expect(names(expandInputs([`${dir}/${glob}`]), dir).sort()).toEqual(expected);
  });

  it('follows a symbolic link to a directory, and passes a missing file on', () => {
    const dir = tree();
    symlinkSync(join(dir, 'a'), join(dir, 'link'));
    expect(names(expandInputs([join(dir, 'link')]), dir)).toEqual(['link/b/r4.pdf', 'link/b/r5.docx', 'link/r3.htm']);
    expect([...expandInputs(['/no/such/file.txt'])]).toEqual(['/no/such/file.txt']);
  });

  it('yields a file named by several inputs once', () => {
    const dir = tree();
    expect(names(expandInputs([join(dir, 'r1.txt'), dir, `${dir}/*.txt`]), dir)).toEqual([
      'r1.txt',
      'a/b/r4.pdf',
      'a/b/r5.docx',
      'a/r3.htm',
      'r2.html',
    ]);
  });

  it('expands braces and translates globs', () => {
    expect(expandBraces('x.{a,b{c,d}}')).toEqual(['x.a', 'x.bc', 'x.bd']);
    expect(expandBraces('x{a}')).toEqual(['x{a}']);
    expect(globToRegExp('**/*.txt').test('r.txt')).toBe(true);
    expect(globToRegExp('**/*.txt').test('a/b/r.txt')).toBe(true);
    expect(globToRegExp('*.txt').test('a/r.txt')).toBe(false);
    expect(globToRegExp('[!a]*.txt').test('a.txt')).toBe(false);
  });
});
