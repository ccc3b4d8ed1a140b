/**
 * Bounded fuzz: mutated inputs — truncated, binary, huge lines, deeply nested HTML, wrong encodings,
 * random bytes under document names — each ends in a report or an UnreadableError within 1 s. The bound
 * is a correctness property (no hang), not a speed target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../report/render/docx.ts';
import { prng, sampleReport } from '../report/sample.ts';
import { seedsDir } from '../testing/paths.ts';
import { extractBuffer, UnreadableError } from './pipeline.ts';

const seedText = readFileSync(join(seedsDir, '002_4aa25779e377b147.txt'), 'utf8');
const seedBytes = Buffer.from(seedText);

type Mutation = (rand: () => number) => { bytes: Uint8Array; name: string };

const MUTATIONS: Record<string, Mutation> = {
  truncated: (r) => ({ bytes: seedBytes.subarray(0, Math.floor(r() * seedBytes.length)), name: 'r.txt' }),
  'bit flips': (r) => {
    const b = Buffer.from(seedBytes);
    for (let i = 0; i < 50; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return { bytes: b, name: 'r.txt' };
  },
  'random bytes as PDF': (r) => ({
    bytes: Buffer.from(Array.from({ length: 2000 }, () => Math.floor(r() * 256))),
    name: 'r.pdf',
  }),
  'random bytes as DOCX': (r) => ({
    bytes: Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from(Array.from({ length: 3000 }, () => Math.floor(r() * 256))),
    ]),
    name: 'r.docx',
  }),
  'PDF header then garbage': (r) => ({
    bytes: Buffer.from(`%PDF-1.7\n${'x'.repeat(Math.floor(r() * 5000))}`),
    name: 'r.pdf',
  }),
  'a 1 MB line': (r) => ({
    bytes: Buffer.from(`${seedText.slice(0, 500)}${'公开'.repeat(350_000)}${r() < 0.5 ? '17件' : ''}\n`),
    name: 'r.txt',
  }),
  'a 1 MB line of digits': () => ({
    bytes: Buffer.from(`2019年政府信息公开工作年度报告\n${'1 '.repeat(500_000)}`),
    name: 'r.txt',
  }),
  'deeply nested HTML': (r) => {
    const depth = 5000 + Math.floor(r() * 5000);
    return {
      bytes: Buffer.from(
        `<html><body>${'<div>'.repeat(depth)}2019年政府信息公开工作年度报告${'</div>'.repeat(depth)}</body></html>`,
      ),
      name: 'r.html',
    };
  },
  'nested tables': (r) => {
    const depth = 50 + Math.floor(r() * 300);
    return {
      bytes: Buffer.from(
        `<table><tr><td>${'<table><tr><td>'.repeat(depth)}规章 1 2 3${'</td></tr></table>'.repeat(depth)}</td></tr></table>`,
      ),
      name: 'r.html',
    };
  },
  'huge colspans': () => ({
    bytes: Buffer.from('<table><tr><td colspan="99999" rowspan="99999">行政许可</td><td>1</td></tr></table>'),
    name: 'r.html',
  }),
  'GBK read as UTF-8 name': () => ({ bytes: iconv.encode(seedText, 'gbk'), name: 'r.html' }),
  'UTF-8 declared as Big5': () => ({ bytes: Buffer.from(`<meta charset="big5">${seedText}`), name: 'r.html' }),
  'shuffled lines': (r) => {
    const lines = seedText.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return { bytes: Buffer.from(lines.join('\n')), name: 'r.txt' };
  },
};

describe('fuzz: every mutated input ends in a report or a clear error within 1 s', () => {
  const cases = Object.entries(MUTATIONS).flatMap(([name, mutate]) =>
    Array.from({ length: 12 }, (_, i) => [name, mutate, i] as const),
  );

  it.each(cases)('%s #%i', async (_name, mutate, i) => {
    const { bytes, name } = mutate(prng(i * 31 + 7));
    const start = performance.now();
    const result = await extractBuffer(bytes, name).catch((e) => e);
    const ms = performance.now() - start;
    if (result instanceof Error) {
      expect(result).toBeInstanceOf(UnreadableError);
      expect(result.message).not.toContain('\n');
    } else {
      expect(['old2008', 'new2019', 'new2021']).toContain(result.format);
    }
    expect(ms).toBeLessThan(1000);
  });

  it('a truncated DOCX is refused clearly', async () => {
    const docx = await renderDocx(sampleReport({ format: 'new2021', seed: 1 }));
    const error = await extractBuffer(docx.subarray(0, docx.length / 2), 'r.docx').catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableError);
  });
});
