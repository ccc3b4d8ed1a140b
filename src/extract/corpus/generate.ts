/**
 * The labelled test set beyond the seeds: reports of every template with random but rule-consistent values
 * (the report core's sample generator), laid out in the shapes met in the wild — the renderer's HTML, DOCX
 * and XLSX, the HTML inside a site's layout table, tab rows, pipe rows, space-aligned text, one cell per line —
 * and damaged the ways real pages are. Each case carries the values a perfect reader gets, so extraction is
 * scored key by key.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import type { CellValue, Report, TemplateId } from '../../report/model.ts';
import { renderDocx } from '../../report/render/docx.ts';
import { type Grid, reportGrids } from '../../report/render/grid.ts';
import { renderHtml } from '../../report/render/html.ts';
import { renderXlsx } from '../../report/render/xlsx.ts';
import { prng, sampleReport } from '../../report/sample.ts';
import { getTemplate } from '../../report/templates/index.ts';

export type Shape = 'html' | 'html-layout' | 'docx' | 'xlsx' | 'tabs' | 'pipes' | 'aligned' | 'one-per-line';
export type Damage =
  | 'none'
  | 'blanks'
  | 'gbk'
  | 'big5'
  | 'traditional-pinyin'
  | 'boilerplate'
  | 'fullwidth'
  | 'flattened'
  | 'dropped-cells'
  | 'truncated';

export const SHAPES: Shape[] = ['html', 'html-layout', 'docx', 'xlsx', 'tabs', 'pipes', 'aligned', 'one-per-line'];
export const DAMAGES: Damage[] = [
  'none',
  'blanks',
  'gbk',
  'big5',
  'traditional-pinyin',
  'boilerplate',
  'fullwidth',
  'flattened',
  'dropped-cells',
  'truncated',
];

/** Damage that makes sense for a shape: a DOCX or XLSX is not re-encoded, HTML keeps its cells. */
export function applies(shape: Shape, damage: Damage): boolean {
  if (shape === 'docx' || shape === 'xlsx') return damage === 'none' || damage === 'blanks';
  if (damage === 'flattened' || damage === 'dropped-cells') return shape === 'tabs' || shape === 'pipes';
  return true;
}

export interface CorpusCase {
  name: string;
  shape: Shape;
  damage: Damage;
  bytes: Uint8Array;
  format: TemplateId;
  year: number;
  issuer: string;
  /** Values a perfect reader gets; for truncated documents, all values (scored for invented ones only). */
  expected: Record<string, CellValue>;
  /** Truncated cases are scored for invented values only. */
  partial: boolean;
  /** Keys of dropped trailing cells: null or absent are both right. */
  nullOrAbsent: string[];
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const PINYIN: Record<string, string> = { 開: 'kāi', 鎮: 'zhèn', 數: 'shù', 處: 'chǔ', 結: 'jié', 行: 'xíng' };
const BLANKS = ['', '-', '/', '——', '－'];

/** Grid rows with spans expanded: every covered position repeats the cell's text. */
function expandedRows(grid: Grid): string[][] {
  const rows: string[][] = [];
  grid.rows.forEach((row, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (rows[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        rows[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) rows[r + dr][c + dc] = cell.text;
      }
      c += cell.colspan;
    }
  });
  return rows;
}

function sectionLines(report: Report, grids: Grid[], tableLines: (g: Grid) => string[]): string[] {
  const lines = [
    `${report.issuer}${report.year}年政府信息公开工作年度报告`,
    '',
    `本报告统计期限自${report.year}年1月1日至${report.year}年12月31日。`,
    '',
  ];
  if (report.format === 'old2008') {
    lines.push('政府信息公开情况统计表', ...grids.flatMap(tableLines));
  } else {
    const sections = getTemplate(report.format).sections;
    lines.push(sections[0], '本机关认真贯彻落实《条例》，做好政府信息公开工作。');
    for (const section of sections.slice(1, 4)) {
      lines.push(section);
      for (const g of grids.filter((x) => x.table.section === section)) {
        if (g.caption) lines.push(g.caption);
        lines.push(...tableLines(g));
      }
    }
    lines.push(sections[4], '公开工作仍有不足。', sections[5], '无。');
  }
  return lines;
}

type TextShape = 'tabs' | 'pipes' | 'aligned' | 'one-per-line';

function shapeText(
  report: Report,
  shape: TextShape,
  damage: Damage,
  rand: () => number,
  expected: Record<string, CellValue>,
  dropped: string[],
): string {
  const grids = reportGrids(report);
  const blank = () => BLANKS[Math.floor(rand() * BLANKS.length)];
  const tableLines = (g: Grid): string[] => {
    if (shape === 'one-per-line')
      return g.rows.flatMap((row) =>
        row
          .map((c) => (c.key && c.text === '' ? blank() || '-' : c.text))
          .filter((t) => t !== '')
          .flatMap((t) => [t, '']),
      );
    const rows = expandedRows(g);
    const keyed = new Map<string, string>(); // "r,c" → key
    g.rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row) {
        while (rows[r][c] === undefined) c++;
        if (cell.key) keyed.set(`${r},${c}`, cell.key);
        c += cell.colspan;
      }
    });
    return rows.map((cells, r) => {
      let out = cells.map((text, c) => (keyed.has(`${r},${c}`) && text === '' ? blank() : text));
      if (damage === 'dropped-cells' && r >= g.headerRows && g.table.kind !== 'list' && rand() < 0.15) {
        const lastKey = [...keyed.entries()]
          .filter(([pos]) => pos.startsWith(`${r},`))
          .map(([, k]) => k)
          .pop();
        if (lastKey) {
          expected[lastKey] = null;
          dropped.push(lastKey);
          out = out.slice(0, -1);
        }
      }
      if (damage === 'flattened') return out.filter((c) => c !== '').join(' ');
      if (shape === 'tabs') return out.join('\t');
      if (shape === 'pipes') return `| ${out.join(' | ')} |`;
      return out.map((c) => c || '-').join('    ');
    });
  };
  return sectionLines(report, grids, tableLines).join('\n');
}

/** The renderer's page inside an old site's layout table, with its navigation and footer. */
function inLayoutTable(html: string): string {
  const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开</title>
<script>document.write('<table><tr><td>99</td></tr></table>')</script></head><body>
<table width="980" border="0"><tr><td colspan="2"><a href="/">首页</a> | <a href="/xxgk">信息公开</a></td></tr>
<tr><td width="200"><ul><li>机构信息</li><li>政策文件</li></ul></td><td>
<div class="article">${body}</div>
<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 【打印本页】 【关闭窗口】</div>
</td></tr><tr><td colspan="2">版权所有 示范县人民政府 备案号 123456</td></tr></table></body></html>`;
}

/** Full-width digits and ideographic spaces, as some sites print them. */
const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/ {4}/g, '\u3000\u3000');

export async function corpusCase(index: number, shape: Shape, damage: Damage): Promise<CorpusCase> {
  const rand = prng(index * 7919 + 13);
  const format = (['old2008', 'new2019', 'new2021'] as const)[index % 3];
  const year =
    format === 'old2008' ? 2010 + (index % 9) : format === 'new2019' ? 2019 + (index % 2) : 2021 + (index % 5);
  const issuer = ['示范县人民政府', '示范市教育局', '东城区人民政府办公室', '青山镇人民政府'][index % 4];
  const report: Report = { ...sampleReport({ format, year, seed: index, scale: 30 + (index % 200) }), issuer };
  if (damage === 'blanks')
    for (const key of Object.keys(report.values))
      if (typeof report.values[key] === 'number' && rand() < 0.1) report.values[key] = null;
  const expected: Record<string, CellValue> = { ...report.values };
  const name = `case-${index}-${shape}-${damage}`;
  const nullOrAbsent: string[] = [];
  const base = { shape, damage, format, year, issuer, expected, nullOrAbsent };
  if (shape === 'docx') return { ...base, name: `${name}.docx`, bytes: await renderDocx(report), partial: false };
  if (shape === 'xlsx') return { ...base, name: `${name}.xlsx`, bytes: await renderXlsx(report), partial: false };

  const isHtml = shape === 'html' || shape === 'html-layout';
  let text = isHtml
    ? shape === 'html'
      ? renderHtml(report)
      : inLayoutTable(renderHtml(report))
    : shapeText(report, shape, damage, rand, expected, nullOrAbsent);
  let partial = false;
  if (damage === 'boilerplate') {
    const top = '当前位置：首页 > 信息公开 > 年度报告\n分享到:\n【字体：大 中 小】\n';
    const bottom = '\n扫一扫在手机打开当前页\n打印本页 关闭窗口\n上一篇：关于做好春节工作的通知\n下一篇：无';
    text = isHtml
      ? text
          .replace('<body>', `<body><p>${top.replace(/\n/g, '</p><p>')}</p>`)
          .replace('</body>', `<p>${bottom}</p></body>`)
      : `${top}${text}${bottom}`;
  }
  if (damage === 'fullwidth')
    text = isHtml ? text.replace(/>([^<]*)</g, (_m, t) => `>${fullWidth(t)}<`) : fullWidth(text);
  if (damage === 'truncated') {
    const lines = text.split('\n');
    text = lines.slice(0, Math.floor(lines.length * (0.5 + rand() * 0.4))).join('\n');
    partial = true;
  }
  if (damage === 'traditional-pinyin' || damage === 'big5')
    text = toTraditional(text).replace(/[開鎮數處結行]/g, (ch: string) =>
      damage === 'big5' || rand() < 0.5 ? ch : `${ch}(${PINYIN[ch]})`,
    );
  let bytes: Uint8Array;
  if (damage === 'gbk') bytes = iconv.encode(isHtml ? text.replace(/charset="utf-8"/g, 'charset="gbk"') : text, 'gbk');
  else if (damage === 'big5')
    bytes = iconv.encode(isHtml ? text.replace(/charset="utf-8"/g, 'charset="big5"') : text, 'big5');
  else bytes = Buffer.from(text);
  return { ...base, name: `${name}.${isHtml ? 'html' : 'txt'}`, bytes, partial };
}

/** The whole labelled set: every shape × damage that applies, `perCell` reports each. */
export async function* corpus(perCell = 3): AsyncGenerator<CorpusCase> {
  let index = 0;
  for (const shape of SHAPES)
    for (const damage of DAMAGES) {
      if (!applies(shape, damage)) continue;
      for (let i = 0; i < perCell; i++) yield corpusCase(index++, shape, damage);
    }
}
