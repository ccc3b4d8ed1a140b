/**
 * The labelled test set beyond the seeds: reports of every template made by the report core's sample
 * generator and renderer, laid out in the shapes met in the wild and damaged the ways real pages are.
 * Each case carries its expected values, so extraction is scored key by key.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import type { CellValue, Report, TemplateId } from '../../report/model.ts';
import { type Grid, reportGrids } from '../../report/render/grid.ts';
import { renderHtml } from '../../report/render/html.ts';
import { prng, sampleReport } from '../../report/sample.ts';
import { getTemplate } from '../../report/templates/index.ts';

export type Shape = 'html' | 'tabs' | 'pipes' | 'aligned' | 'one-per-line';
export type Damage = 'none' | 'gbk' | 'traditional-pinyin' | 'boilerplate' | 'dropped-cells' | 'truncated';

export const SHAPES: Shape[] = ['html', 'tabs', 'pipes', 'aligned', 'one-per-line'];
export const DAMAGES: Damage[] = ['none', 'gbk', 'traditional-pinyin', 'boilerplate', 'dropped-cells', 'truncated'];

export interface CorpusCase {
  name: string;
  bytes: Uint8Array;
  format: TemplateId;
  year: number;
  issuer: string;
  /** Values a perfect reader gets; for truncated documents, what the kept part holds. */
  expected: Record<string, CellValue>;
  /** Truncated cases are scored for invented values only. */
  partial: boolean;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const PINYIN: Record<string, string> = { 開: 'kāi', 鎮: 'zhèn', 數: 'shù', 處: 'chǔ', 結: 'jié', 行: 'xíng' };

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

function shapeText(
  report: Report,
  shape: Exclude<Shape, 'html'>,
  dropCells: (() => boolean) | null,
  expected: Record<string, CellValue>,
): string {
  const grids = reportGrids(report);
  const tableLines = (g: Grid): string[] => {
    if (shape === 'one-per-line')
      return g.rows.flatMap((row) =>
        row
          .map((c) => c.text)
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
      let out = cells;
      if (dropCells && r >= g.headerRows && g.table.kind !== 'list' && dropCells()) {
        const lastKey = [...keyed.entries()]
          .filter(([pos]) => pos.startsWith(`${r},`))
          .map(([, k]) => k)
          .pop();
        if (lastKey) {
          expected[lastKey] = null;
          out = cells.slice(0, -1);
        }
      }
      if (shape === 'tabs') return out.join('\t');
      if (shape === 'pipes') return `| ${out.join(' | ')} |`;
      return out.map((c) => c || '-').join('    ');
    });
  };
  return sectionLines(report, grids, tableLines).join('\n');
}

export function corpusCase(index: number, shape: Shape, damage: Damage): CorpusCase {
  const rand = prng(index * 7919 + 13);
  const format = (['old2008', 'new2019', 'new2021'] as const)[index % 3];
  const year =
    format === 'old2008' ? 2010 + (index % 9) : format === 'new2019' ? 2019 + (index % 2) : 2021 + (index % 5);
  const issuer = ['示范县人民政府', '示范市教育局', '东城区人民政府办公室', '青山镇人民政府'][index % 4];
  const report: Report = { ...sampleReport({ format, year, seed: index, scale: 30 + (index % 200) }), issuer };
  const expected: Record<string, CellValue> = { ...report.values };
  let actualShape = shape;
  if (damage === 'dropped-cells' && (shape === 'html' || shape === 'one-per-line' || shape === 'aligned'))
    actualShape = 'tabs';
  let text =
    actualShape === 'html'
      ? renderHtml(report)
      : shapeText(report, actualShape, damage === 'dropped-cells' ? () => rand() < 0.15 : null, expected);
  let partial = false;
  if (damage === 'boilerplate')
    text = `分享到:\n【字体：大 中 小】\n${text}\n扫一扫在手机打开当前页\n打印本页\n关闭窗口\n`;
  if (damage === 'truncated') {
    const lines = text.split('\n');
    text = lines.slice(0, Math.floor(lines.length * (0.5 + rand() * 0.4))).join('\n');
    partial = true;
  }
  let bytes: Uint8Array;
  if (damage === 'gbk') {
    bytes = iconv.encode(
      actualShape === 'html' ? text.replace('<meta charset="utf-8">', '<meta charset="gbk">') : text,
      'gbk',
    );
  } else if (damage === 'traditional-pinyin') {
    const traditional = toTraditional(text).replace(/[開鎮數處結行]/g, (ch) => `${ch}(${PINYIN[ch]})`);
    bytes = Buffer.from(traditional);
  } else bytes = Buffer.from(text);
  const ext = actualShape === 'html' ? 'html' : 'txt';
  return { name: `case-${index}-${shape}-${damage}.${ext}`, bytes, format, year, issuer, expected, partial };
}

/** The whole labelled set: every shape × damage, `perCell` reports each. */
export function* corpus(perCell = 3): Generator<CorpusCase> {
  let index = 0;
  for (const shape of SHAPES)
    for (const damage of DAMAGES) for (let i = 0; i < perCell; i++) yield corpusCase(index++, shape, damage);
}
