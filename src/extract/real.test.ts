/**
 * The real published reports of fixtures/real, each with hand-checked gold (issue #16's acceptance): every
 * gold value right, nothing invented, template, year and issuer right, and the rule findings the gold names.
 * A PDF of a city (淮安 2024), an HTML portal page with merged cells in its 第二十条 tables (平潭 旅游与文化体育局
 * 2019) and the Fujian variant of the old table in crawler text (平潭 2011, 2014).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDir, realGoldDir } from '../testing/paths.ts';
import { extractFile } from './pipeline.ts';

interface Gold {
  format: string;
  year: number;
  issuer: string;
  values: Record<string, number | string | null>;
  values_complete?: boolean;
  violations: string[];
}

const cases = readdirSync(realGoldDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const name = f.replace(/\.json$/, '');
    const file = readdirSync(realDir).find((x) => x.startsWith(`${name}.`));
    return [name, file ?? '', JSON.parse(readFileSync(join(realGoldDir, f), 'utf8')) as Gold] as const;
  });

describe('real published reports read to their gold', () => {
  it('has every fixture with its document', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const [name, file] of cases) expect(file, name).not.toBe('');
  });

  it.each(cases)('%s', async (_name, file, gold) => {
    const out = await extractFile(join(realDir, file));
    expect(out.format).toBe(gold.format);
    expect(out.year).toBe(gold.year);
    expect(out.issuer).toBe(gold.issuer);
    for (const [key, value] of Object.entries(gold.values)) expect(out.values[key], key).toEqual(value);
    // Nothing invented: a value the gold does not have is one the document does not print.
    const invented = Object.keys(out.values).filter((k) => !(k in gold.values) && out.values[k] !== null);
    expect(invented).toEqual([]);
    expect(out.findings.map((f) => f.rule).sort()).toEqual([...gold.violations].sort());
  });
});
