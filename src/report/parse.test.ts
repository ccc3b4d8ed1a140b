import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir, seedGoldDir } from '../testing/paths.ts';
import { parseReportJson, ReportInputError } from './parse.ts';

const goldFiles = () => [
  ...readdirSync(seedGoldDir).map((f) => join(seedGoldDir, f)),
  ...readdirSync(join(samplesDir, 'gold')).map((f) => join(samplesDir, 'gold', f)),
];

const json = (o: unknown) => JSON.stringify(o);

describe('parseReportJson', () => {
  it('reads the extraction JSON, ignoring other top-level fields and accepting has_table', () => {
    const report = parseReportJson(
      json({
        source: 'x.html',
        format: 'new2019',
        year: 2019,
        issuer: '南充市高坪区人民政府办公室',
        has_table: false,
        values: { 'apply.received.total': 8, 'org.budget': undefined, 's20_9.procurement.amount': 12.5 },
        findings: [],
        violations: ['x'],
      }),
    );
    expect(report).toMatchObject({ format: 'new2019', year: 2019, hasTable: false });
    expect(report.values['apply.received.total']).toBe(8);
  });

  it.each([
    ['not JSON', '{"format":', '不是有效的 JSON'],
    ['an array', '[]', '应为一个 JSON 对象'],
    ['an unknown template', json({ format: 'new2030', year: 2030, values: {} }), 'format'],
    [
      'an unknown key',
      json({ format: 'new2021', year: 2022, values: { 'apply.recieved.total': 1 } }),
      'values["apply.recieved.total"]',
    ],
    [
      'a key of another template',
      json({ format: 'new2021', year: 2022, values: { 's20_9.procurement.amount': 1 } }),
      '模板没有这个键',
    ],
    ['a wrong type', json({ format: 'old2008', year: 2016, values: { fees: [1] } }), 'values["fees"]'],
    ['a fractional count', json({ format: 'old2008', year: 2016, values: { 'apply.received': 1.5 } }), '件数应为整数'],
    ['a missing year', json({ format: 'old2008', values: {} }), 'r.json year: 缺少此项'],
    ['a year that is words', json({ format: 'old2008', year: '2018年', values: {} }), 'year: 应为报告年度'],
    ['values that are a list', json({ format: 'old2008', year: 2018, values: [] }), 'values: 应为一个对象'],
    [
      'a negative count',
      json({ format: 'new2021', year: 2022, values: { 'review.total': -1 } }),
      'values["review.total"]: 件数不应为负数',
    ],
    ['hasTable that is not a boolean', json({ format: 'old2008', year: 2018, values: {}, hasTable: 1 }), 'hasTable'],
  ])('refuses %s with a one-line error naming the place', (_name, text, place) => {
    let error: unknown;
    try {
      parseReportJson(text, 'r.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportInputError);
    const message = (error as Error).message;
    expect(message).toContain(place);
    expect(message).not.toContain('\n');
  });

  it('lets a negative 现行有效件数 through: the rule new.s20_1.in_force_bounds reports it', () => {
    const r = parseReportJson(json({ format: 'new2021', year: 2022, values: { 's20_1.rules.in_force': -2 } }));
    expect(r.values['s20_1.rules.in_force']).toBe(-2);
  });

  it('keeps well-formed provenance and drops a malformed one', () => {
    const base = { format: 'new2021', year: 2023, values: { 'apply.received.total': 21 } };
    const good = { 'apply.received.total': { line: 61, text: '21' } };
    expect(parseReportJson(json({ ...base, provenance: good })).provenance).toEqual(good);
    expect(parseReportJson(json({ ...base, provenance: { x: 1 } })).provenance).toBeUndefined();
  });

  it('reads every gold file', () => {
    for (const file of goldFiles()) {
      const r = parseReportJson(readFileSync(file, 'utf8'), file);
      expect(Object.keys(r.values).length).toBeGreaterThan(0);
    }
  });

  it('keeps words and blanks', () => {
    const r = parseReportJson(
      json({ format: 'old2008', year: 2018, values: { 'org.budget': '列入财政预算', fees: null } }),
    );
    expect(r.values).toEqual({ 'org.budget': '列入财政预算', fees: null });
  });
});
