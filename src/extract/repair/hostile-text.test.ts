/**
 * Line splitting without super-linear regular expressions (issue #19: `/ +$/` took 23 s on 98 KB of text, and
 * `字体：` followed by spaces hung the extractor). The timing is in bench/hostile-text.bench.ts; these tests
 * check the behaviour and the shape of the patterns that made it slow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/paths.ts';
import { FURNITURE_LINE, FURNITURE_TOKEN, toLines, trimEndSpaces } from './index.ts';
import { competingRuns } from './regex-shape.ts';

describe('trimEndSpaces: the line without its trailing spaces, by a loop', () => {
  it.each([
    ['no spaces', 'abc', 'abc'],
    ['trailing spaces', 'abc   ', 'abc'],
    ['only spaces', '     ', ''],
    ['an empty line', '', ''],
    ['a trailing tab stays (a blank cell)', 'a\t', 'a\t'],
    ['spaces after a tab go, the tab stays', 'a\t  ', 'a\t'],
    ['spaces inside stay', 'a  b', 'a  b'],
    ['200 KB of spaces, then text', `${' '.repeat(200 * 1024)}x`, `${' '.repeat(200 * 1024)}x`],
  ])('%s', (_name, line, expected) => {
    expect(trimEndSpaces(line)).toBe(expected);
  });
});

describe('toLines on 200 KB of spaces and text', () => {
  it('keeps the text and drops only the trailing spaces of each line', () => {
    const run = ' '.repeat(100 * 1024);
    const lines = toLines(`收到申请${run}12\n${run}\n字体：${run}x\n【字体${run}`);
    expect(lines[0]).toBe(`收到申请${run}12`);
    expect(lines[1]).toBe('');
    expect(lines[2].endsWith('x')).toBe(true);
    expect(lines[3].startsWith('【字体')).toBe(true);
  });

  it('still drops the font-size furniture the patterns were written for', () => {
    expect(toLines('字体：【大】【中】【小】\n正文')).toEqual(['', '正文']);
    expect(toLines('【字体：大 中 小】\n正文')).toEqual(['', '正文']);
    expect(toLines('字号：大 中 小')).toEqual(['']);
  });
});

describe('no two unbounded runs compete for the same characters', () => {
  it.each([
    ['`/ +$/` split by hand is not needed', ' +x', 0],
    ['two runs of spaces side by side', '\\s*\\s*x', 1],
    ['a run of spaces and a class with spaces', '\\s*[大中小\\s]*】', 1],
    ['runs of spaces with an optional bracket between', '\\s*[【\\[]?\\s*大', 1],
    ['runs with a required character between', '\\s*大\\s*', 0],
  ])('the checker itself: %s', (_name, source, count) => {
    expect(competingRuns(source)).toHaveLength(count);
  });

  it('in the page-furniture patterns of line splitting', () => {
    expect(competingRuns(FURNITURE_TOKEN)).toEqual([]);
    expect(competingRuns(FURNITURE_LINE.source.slice(1, -1))).toEqual([]);
  });
});

/** The regular-expression literals of a source file (a heuristic: a slash after an operator or a bracket). */
function literals(text: string): { line: number; source: string }[] {
  const found: { line: number; source: string }[] = [];
  const re = /(?<=[=(,:!&|?;{}[]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n[])+)\/[gimsuyd]*/g;
  for (const m of text.matchAll(re)) found.push({ line: text.slice(0, m.index).split('\n').length, source: m[1] });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => join(dir, f));
}

it('no regular expression in src/extract, src/catalog and src/reports has two runs that compete', () => {
  const found: string[] = [];
  for (const dir of ['src/extract', 'src/catalog', 'src/reports']) {
    for (const file of sources(join(repoRoot, dir))) {
      for (const { line, source } of literals(readFileSync(file, 'utf8'))) {
        let runs: string[] = [];
        try {
          runs = competingRuns(source);
        } catch {
          continue; // not a regular expression after all
        }
        if (runs.length) found.push(`${relative(repoRoot, file)}:${line} ${runs[0]}`);
      }
    }
  }
  expect(found).toEqual([]);
});
