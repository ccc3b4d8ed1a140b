import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, seedGoldDir } from '../testing/paths.ts';
import { buildReportJsonSchema } from './json-schema.ts';
import { keysOf } from './templates/index.ts';

type Schema = {
  required: string[];
  properties: {
    format: { enum: string[] };
    year: { minimum: number; maximum: number };
  };
  oneOf: { properties: { format: { const: string }; values: { $ref: string } } }[];
  $defs: Record<string, { properties: Record<string, { anyOf: { type: string; minimum?: number }[] }> }>;
};

/**
 * A structural check of a report against the schema, walking it as a validator would: the required fields,
 * format and year, then the values through the `oneOf` branch of the format: known keys, allowed types.
 */
function violations(schema: Schema, report: Record<string, unknown>): string[] {
  const out = schema.required.filter((k) => !(k in report)).map((k) => `${k}: missing`);
  if (out.length) return out;
  if (!schema.properties.format.enum.includes(report.format as string)) return ['format'];
  const year = report.year as number;
  const { minimum, maximum } = schema.properties.year;
  if (!Number.isInteger(year) || year < minimum || year > maximum) out.push('year');
  const branches = schema.oneOf.filter((b) => b.properties.format.const === report.format);
  if (branches.length !== 1) return [...out, 'oneOf'];
  const def = branches[0].properties.values.$ref.replace('#/$defs/', '');
  const props = schema.$defs[def].properties;
  for (const [key, value] of Object.entries(report.values as Record<string, unknown>)) {
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
    expect(violations(schema, { format: 'new2021', year: 2022, values: { 'apply.x': 1, 'review.total': -1 } })).toEqual(
      ['apply.x: unknown', 'review.total: -1'],
    );
    expect(violations(schema, { format: 'new2021', year: 2022, values: { 's20_1.rules.in_force': -1 } })).toEqual([]);
    expect(violations(schema, { format: 'old2008', year: 1999, values: {} })).toEqual(['year']);
    expect(violations(schema, { format: 'old2008', values: {} })).toEqual(['year: missing']);
  });
});
