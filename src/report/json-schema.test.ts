import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, seedGoldDir } from '../testing/paths.ts';
import { buildReportJsonSchema } from './json-schema.ts';
import { keysOf } from './templates/index.ts';

type Schema = {
  $defs: Record<string, { properties: Record<string, { anyOf: { type: string; minimum?: number }[] }> }>;
};

/** A structural check of a report's values against the schema: known keys, allowed types. */
function violations(schema: Schema, report: { format: string; values: Record<string, unknown> }): string[] {
  const props = schema.$defs[report.format].properties;
  const out: string[] = [];
  for (const [key, value] of Object.entries(report.values)) {
    const prop = props[key];
    if (!prop) {
      out.push(`${key}: unknown`);
      continue;
    }
    const types = prop.anyOf.map((a) => a.type);
    const ok =
      value === null
        ? types.includes('null')
        : typeof value === 'string'
          ? types.includes('string')
          : typeof value === 'number' &&
            prop.anyOf.some(
              (a) =>
                (a.type === 'number' || (a.type === 'integer' && Number.isInteger(value))) &&
                (a.minimum === undefined || value >= a.minimum),
            );
    if (!ok) out.push(`${key}: ${JSON.stringify(value)}`);
  }
  return out;
}

describe('report JSON Schema', () => {
  const schema = buildReportJsonSchema() as unknown as Schema;

  it('is the committed schema/report.schema.json (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/report.schema.json'), 'utf8'));
    expect(committed).toEqual(buildReportJsonSchema());
  });

  it('names every key of every template', () => {
    for (const format of ['old2008', 'new2019', 'new2021']) {
      expect(Object.keys(schema.$defs[format].properties)).toEqual(keysOf(format as 'old2008'));
    }
  });

  const gold = [
    ...readdirSync(seedGoldDir).map((f) => join(seedGoldDir, f)),
    ...readdirSync(join(samplesDir, 'gold')).map((f) => join(samplesDir, 'gold', f)),
  ];
  it.each(gold)('accepts the gold file %s', (file) => {
    expect(violations(schema, JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('refuses an unknown key and a negative count', () => {
    expect(violations(schema, { format: 'new2021', values: { 'apply.x': 1, 'review.total': -1 } })).toEqual([
      'apply.x: unknown',
      'review.total: -1',
    ]);
  });
});
