import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderHtml } from '../report/render/index.ts';
import { sampleReport } from '../report/sample.ts';
import { samplesDir, seedGoldDir, seedsDir } from '../testing/paths.ts';
import { extractBuffer, extractFile, UnreadableError } from './pipeline.ts';

const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function expectGold(out: Awaited<ReturnType<typeof extractFile>>, gold: Record<string, unknown>) {
  expect(out.format).toBe(gold.format);
  expect(out.year).toBe(gold.year);
  expect(out.issuer).toBe(gold.issuer);
  expect(out.hasTable).toBe(gold.has_table);
  expect(out.values).toEqual(gold.values);
  expect([...new Set(out.findings.map((f) => f.rule))].sort()).toEqual([...(gold.violations as string[])].sort());
}

describe('the seeds extract to their gold files exactly', () => {
  it.each(seeds)('%s', async (seed) => {
    const gold = JSON.parse(readFileSync(join(seedGoldDir, seed.replace('.txt', '.json')), 'utf8'));
    expectGold(await extractFile(join(seedsDir, seed)), gold);
  });
});

describe('the sample PDFs extract to their gold files exactly', () => {
  it.each(['hongze-2023', 'hongze-2024'])(
    '%s.pdf',
    async (name) => {
      const gold = JSON.parse(readFileSync(join(samplesDir, 'gold', `${name}.json`), 'utf8'));
      const out = await extractFile(join(samplesDir, `${name}.pdf`));
      expectGold(out, gold);
      expect(out.provenance['apply.received.total'].line).toBeGreaterThan(0);
    },
    30_000,
  );
});

describe('encodings and shapes', () => {
  const seed000 = readFileSync(join(seedsDir, '000_6e3b6fbd91fc059e.txt'), 'utf8');
  const gold000 = JSON.parse(readFileSync(join(seedGoldDir, '000_6e3b6fbd91fc059e.json'), 'utf8'));

  it.each([
    ['GBK', iconv.encode(seed000, 'gbk')],
    [
      'GB18030 with HTML meta charset',
      iconv.encode(`<html><head><meta charset="gb2312"></head><body><pre>${seed000}</pre></body></html>`, 'gb18030'),
    ],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed000)])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed000, 'utf-16le')])],
    ['Big5 (Traditional)', iconv.encode(OpenCC.Converter({ from: 'cn', to: 'tw' })(seed000), 'big5')],
  ])('reads seed 000 in %s', async (_name, bytes) => {
    const out = await extractBuffer(bytes, 'seed.txt');
    expect(out.values).toEqual(gold000.values);
  });

  it('reads seed 004 as an old site page: Big5, the article in a layout table cell, sentences split by <br>', async () => {
    const seed004 = readFileSync(join(seedsDir, '004_f86300e4f88928ae.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(seedGoldDir, '004_f86300e4f88928ae.json'), 'utf8'));
    const body = seed004.replace(/[&<>]/g, ' ').replace(/。/g, '。<br>').replace(/\n/g, '<p>');
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>
      <table><tr><td>首頁 | 信息公開</td></tr><tr><td>${body}</td></tr><tr><td>【字體：大 中 小】【關閉窗口】</td></tr></table>`;
    const out = await extractBuffer(iconv.encode(page, 'big5'), 'page.shtml');
    expect(out).toMatchObject({ format: gold.format, year: gold.year, issuer: gold.issuer, hasTable: false });
    expect(out.values).toEqual(gold.values);
  });

  it.each(['old2008', 'new2019', 'new2021'] as const)(
    '%s: the renderer HTML and DOCX extract back to the same values',
    async (format) => {
      const report = {
        ...sampleReport({ format, seed: 11, year: format === 'old2008' ? 2017 : format === 'new2019' ? 2020 : 2023 }),
        issuer: '示范县人民政府',
      };
      const fromHtml = await extractBuffer(Buffer.from(renderHtml(report)), 'r.html');
      expect(fromHtml).toMatchObject({ format, year: report.year, issuer: '示范县人民政府' });
      expect(fromHtml.values).toEqual(report.values);
      const fromDocx = await extractBuffer(await renderDocx(report), 'r.docx');
      expect(fromDocx.values).toEqual(report.values);
    },
  );

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['binary bytes', Buffer.from([0, 1, 2, 3, 4, 5, 0, 0, 9, 8, 7]), 'binary'],
    ['text that is no report', Buffer.from('今天天气很好。'), 'no annual report'],
    [
      'a page with a year but no report',
      Buffer.from('<p>页面不存在</p><p>©2023 某某网站 版权所有</p>'),
      'no annual report',
    ],
    ['a broken PDF', Buffer.from('%PDF-1.4 garbage'), 'PDF'],
  ])('refuses %s with a one-line reason', async (_name, bytes, reason) => {
    const error = await extractBuffer(bytes, 'x.pdf').catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableError);
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain('\n');
  });
});
