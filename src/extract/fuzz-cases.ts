/**
 * The bounded fuzz's inputs (seeded, reproducible): truncated, binary, huge lines, deeply nested HTML, wrong
 * encodings, random bytes under document names, damaged DOCX, XLSX and PDF. Shared by the test
 * (./fuzz.test.ts: every case ends in a report or a one-line UnreadableError) and the bench
 * (bench/fuzz.bench.ts: the slowest case against its 1 s bound).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { renderDocx } from '../report/render/docx.ts';
import { renderHtml } from '../report/render/html.ts';
import { renderXlsx } from '../report/render/xlsx.ts';
import { prng, sampleReport } from '../report/sample.ts';
import { samplesDir, seedsDir } from '../testing/paths.ts';

const seedText = readFileSync(join(seedsDir, '002_4aa25779e377b147.txt'), 'utf8');
const seedBytes = Buffer.from(seedText);
const html = Buffer.from(renderHtml(sampleReport({ format: 'new2021', seed: 3 })));
const pdf = readFileSync(join(samplesDir, 'hongze-2023.pdf'));
let docx: Buffer;
let xlsx: Buffer;
let notDocxZip: Buffer;

type Rand = () => number;
export type Case = { bytes: Uint8Array; name: string };
const int = (r: Rand, n: number) => Math.floor(r() * n);
const randomBytes = (r: Rand, n: number) => Buffer.from(Array.from({ length: n }, () => int(r, 256)));
const flip = (r: Rand, bytes: Uint8Array, n: number) => {
  const b = Buffer.from(bytes);
  for (let i = 0; i < n; i++) b[int(r, b.length)] = int(r, 256);
  return b;
};
const cut = (r: Rand, bytes: Uint8Array) => Buffer.from(bytes).subarray(0, int(r, bytes.length));

export const MUTATIONS: Record<string, (r: Rand) => Case> = {
  'truncated text': (r) => ({ bytes: cut(r, seedBytes), name: 'r.txt' }),
  'bit flips in text': (r) => ({ bytes: flip(r, seedBytes, 50), name: 'r.txt' }),
  'truncated GBK (mid-character)': (r) => ({ bytes: cut(r, iconv.encode(seedText, 'gbk')), name: 'r.txt' }),
  'truncated UTF-16 (odd length)': (r) => ({
    bytes: cut(r, iconv.encode(seedText, 'utf-16le')),
    name: 'r.txt',
  }),
  'random bytes as .txt': (r) => ({ bytes: randomBytes(r, 1 + int(r, 4000)), name: 'r.txt' }),
  'random bytes as .html': (r) => ({ bytes: randomBytes(r, 1 + int(r, 4000)), name: 'r.html' }),
  'random bytes as .pdf': (r) => ({ bytes: randomBytes(r, 1 + int(r, 4000)), name: 'r.pdf' }),
  'random bytes as .docx': (r) => ({ bytes: randomBytes(r, 1 + int(r, 4000)), name: 'r.docx' }),
  'zip header then random bytes': (r) => ({
    bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(r, int(r, 3000))]),
    name: 'r.docx',
  }),
  'a zip that is no DOCX': () => ({ bytes: notDocxZip, name: 'r.docx' }),
  'truncated DOCX': (r) => ({ bytes: cut(r, docx), name: 'r.docx' }),
  'bit flips in DOCX': (r) => ({ bytes: flip(r, docx, 20), name: 'r.docx' }),
  'truncated XLSX': (r) => ({ bytes: cut(r, xlsx), name: 'r.xlsx' }),
  'bit flips in XLSX': (r) => ({ bytes: flip(r, xlsx, 20), name: 'r.xlsx' }),
  'PDF header then garbage': (r) => ({ bytes: Buffer.from(`%PDF-1.7\n${'x'.repeat(int(r, 5000))}`), name: 'r.pdf' }),
  'truncated PDF': (r) => ({ bytes: cut(r, pdf), name: 'r.pdf' }),
  'bit flips in PDF': (r) => ({ bytes: flip(r, pdf, 30), name: 'r.pdf' }),
  'truncated HTML (mid-tag)': (r) => ({ bytes: cut(r, html), name: 'r.html' }),
  'bit flips in HTML': (r) => ({ bytes: flip(r, html, 40), name: 'r.html' }),
  'a 1 MB line': (r) => ({
    bytes: Buffer.from(`${seedText.slice(0, 500)}${'公开'.repeat(175_000)}${r() < 0.5 ? '17件' : ''}\n`),
    name: 'r.txt',
  }),
  'a 1 MB line of digits': () => ({
    bytes: Buffer.from(`2019年政府信息公开工作年度报告\n${'1 '.repeat(500_000)}`),
    name: 'r.txt',
  }),
  'a 1 MB row of tab cells': (r) => ({
    bytes: Buffer.from(`2020年政府信息公开工作年度报告\n规章${'\t1'.repeat(350_000 + int(r, 1000))}`),
    name: 'r.txt',
  }),
  'a 1 MB table cell': () => ({
    bytes: Buffer.from(`<table><tr><td>规章</td><td>${'9'.repeat(1_000_000)}</td></tr></table>`),
    name: 'r.html',
  }),
  '10,000 nested divs': (r) => {
    const depth = 10_000 - int(r, 100);
    return {
      bytes: Buffer.from(`<html><body>${'<div>'.repeat(depth)}2019年政府信息公开工作年度报告${'</div>'.repeat(depth)}`),
      name: 'r.html',
    };
  },
  '10,000 nested tables': (r) => {
    const depth = 10_000 - int(r, 100);
    return {
      bytes: Buffer.from(`${'<table><tr><td>'.repeat(depth)}规章 1 2 3${'</td></tr></table>'.repeat(int(r, depth))}`),
      name: 'r.html',
    };
  },
  'huge spans': (r) => ({
    bytes: Buffer.from(
      `<table>${'<tr><td colspan="99999" rowspan="99999">行政许可</td><td>1</td></tr>'.repeat(1 + int(r, 50))}</table>`,
    ),
    name: 'r.html',
  }),
  'GBK under a UTF-8 declaration': () => ({
    bytes: iconv.encode(`<meta charset="utf-8"><pre>${seedText}</pre>`, 'gbk'),
    name: 'r.html',
  }),
  'UTF-8 declared as Big5': () => ({ bytes: Buffer.from(`<meta charset="big5">${seedText}`), name: 'r.html' }),
  'Big5 declared as GBK': () => ({
    bytes: iconv.encode(`<meta charset="gbk"><pre>${seedText}</pre>`, 'big5'),
    name: 'r.html',
  }),
  'an unknown declared charset': () => ({
    bytes: Buffer.from(`<meta charset="x-nonsense">${seedText}`),
    name: 'r.htm',
  }),
  'shuffled lines': (r) => {
    const lines = seedText.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return { bytes: Buffer.from(lines.join('\n')), name: 'r.txt' };
  },
};

/** Builds the DOCX, XLSX and zip the mutations damage; call once before using MUTATIONS. */
export async function prepareFuzzInputs(): Promise<void> {
  docx = await renderDocx(sampleReport({ format: 'new2021', seed: 1 }));
  xlsx = await renderXlsx(sampleReport({ format: 'new2019', seed: 2 }));
  const zip = new JSZip();
  zip.file('readme.txt', '不是文档');
  notDocxZip = await zip.generateAsync({ type: 'nodebuffer' });
}

/** The sample PDF (to load the PDF engine once before measuring). */
export const fuzzPdf = pdf;

/** `perMutation` seeded cases of every mutation. */
export function fuzzCases(perMutation: number): { name: string; seed: number }[] {
  return Object.keys(MUTATIONS).flatMap((name) =>
    Array.from({ length: perMutation }, (_, i) => ({ name, seed: i * 31 + 7 })),
  );
}

export { prng };
