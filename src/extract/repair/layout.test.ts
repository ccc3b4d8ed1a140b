/**
 * A whole report on one line (archive and crawler text, issue #16): the lines are restored before reading. Each
 * seed and each real text report, flattened onto one line, reads back its gold with nothing invented.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDir, realGoldDir, seedGoldDir, seedsDir } from '../../testing/paths.ts';
import { extractFile } from '../pipeline.ts';
import { dropStrayPipes, LONG_LINE, restoreLines, splitRunTogether } from './layout.ts';

interface Gold {
  format: string;
  year: number;
  issuer: string;
  values: Record<string, unknown>;
}

const texts = [
  ...readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, join(seedsDir, f), join(seedGoldDir, f.replace(/\.txt$/, '.json'))] as const),
  ...readdirSync(realDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, join(realDir, f), join(realGoldDir, f.replace(/\.txt$/, '.json'))] as const),
];
const work = mkdtempSync(join(tmpdir(), 'gongkai-oneline-'));

describe('a report on one line', () => {
  it.each(texts)(
    '%s, flattened, reads its gold: 98 values in 100 or more, none invented, format, year and issuer',
    async (name, file, goldFile) => {
      const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
      const flat = readFileSync(file, 'utf8').replace(/\s*\n\s*/g, ' ');
      expect(flat.includes('\n')).toBe(false);
      const path = join(work, name);
      writeFileSync(path, flat);
      const out = await extractFile(path);
      expect([out.format, out.year, out.issuer]).toEqual([gold.format, gold.year, gold.issuer]);
      const keys = Object.keys(gold.values);
      const right = keys.filter((k) => JSON.stringify(out.values[k]) === JSON.stringify(gold.values[k]));
      expect(right.length / keys.length).toBeGreaterThanOrEqual(0.98);
      const invented = Object.keys(out.values).filter((k) => !(k in gold.values) && out.values[k] !== null);
      expect(invented).toEqual([]);
    },
  );

  it.each(texts)(
    '%s, its cells one per line behind stray pipes, reads every gold value, none invented',
    async (name, file, goldFile) => {
      const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
      const piped = readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line) => line.split(/\t+/).map((cell) => `| ${cell}`))
        .join('\n');
      const path = join(work, `piped-${name}`);
      writeFileSync(path, piped);
      const out = await extractFile(path);
      expect([out.format, out.year, out.issuer]).toEqual([gold.format, gold.year, gold.issuer]);
      for (const [key, value] of Object.entries(gold.values)) expect(out.values[key], key).toEqual(value);
      expect(Object.keys(out.values).filter((k) => !(k in gold.values) && out.values[k] !== null)).toEqual([]);
    },
  );

  it('drops stray pipes only where most lines are one cell behind a pipe; a pipe table stays', () => {
    const cells = Array.from({ length: 30 }, (_, i) => `| 单元${i}`).join('\n');
    expect(dropStrayPipes(cells).split('\n')[3]).toBe('单元3');
    const table = Array.from({ length: 30 }, (_, i) => `| 行${i} | ${i} | ${i + 1} |`).join('\n');
    expect(dropStrayPipes(table)).toBe(table);
    const prose = `当前位置: 首页 |\n${'正文一句。\n'.repeat(40)}`;
    expect(dropStrayPipes(prose)).toBe(prose);
  });

  it('breaks before headings, numbered rows, rows with their figures, the title and the sign-off', () => {
    const line = `当前位置: 首页 | 某县人民政府2025年度政府信息公开工作年度报告 本报告依据《条例》编制。 一、主动公开情况 规章 0 0 5 行政规范性文件 3 0 20 第二十条第（五）项 信息内容 （一）收到申请数 8件 涉及国家秘密 涉及商业秘密 单位负责人: 张三 ${'说明'.repeat(LONG_LINE)}`;
    expect(splitRunTogether(line)).toEqual([
      '当前位置: 首页 |',
      '某县人民政府2025年度政府信息公开工作年度报告 本报告依据《条例》编制。',
      '一、主动公开情况',
      '规章 0 0 5',
      '行政规范性文件 3 0 20',
      '第二十条第（五）项 信息内容',
      '（一）收到申请数 8件',
      '涉及国家秘密',
      '涉及商业秘密',
      `单位负责人: 张三 ${'说明'.repeat(LONG_LINE)}`,
    ]);
  });

  it('never breaks inside a run of digits glued to a numbering (平潭 2015: `2949819162、` is not 29498191 | 6 | 2、)', () => {
    const row = '其中：1、政府网站公开数条2949819162、政府公报公开数条00受理依申请公开信息总数条01';
    expect(splitRunTogether(`${'说明。'.repeat(LONG_LINE / 3)} ${row}`)).toEqual([
      `${'说明。'.repeat(LONG_LINE / 3)}`,
      row,
    ]);
    // With a space after the figure, or after the end of a sentence, the numbered row still starts a line.
    expect(splitRunTogether('条 2543 78967 2、政府公报公开数 条 0 0')).toEqual([
      '条 2543 78967',
      '2、政府公报公开数 条 0 0',
    ]);
    expect(splitRunTogether('本报告依据《条例》编制。2、政府公报公开')).toEqual([
      '本报告依据《条例》编制。',
      '2、政府公报公开',
    ]);
  });

  it('leaves text with ordinary lines as it is', () => {
    const text = '某县人民政府2025年度政府信息公开工作年度报告\n规章 0 0 5 行政规范性文件 3 0 20\n';
    expect(restoreLines(text)).toBe(text);
  });

  it.each([
    ['spaces', `${' '.repeat(200_000)}规章 1`],
    ['pipes and spaces', `${'| '.repeat(100_000)}规章 1`],
    ['numbering marks', `${'（一）'.repeat(50_000)} 规章 1`],
    ['digits and commas', `${'1,'.repeat(100_000)} 规章 1`],
  ])('a hostile long line of %s is broken in one pass (linear patterns)', (_name, line) => {
    const parts = splitRunTogether(line);
    expect(parts.at(-1)).toBe('规章 1');
  });
});
