import { describe, expect, it } from 'vitest';
import { parseReportJson, ReportInputError } from './parse.ts';

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
    ['a missing year', json({ format: 'old2008', values: {} }), 'year'],
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

  it('keeps words and blanks', () => {
    const r = parseReportJson(
      json({ format: 'old2008', year: 2018, values: { 'org.budget': '列入财政预算', fees: null } }),
    );
    expect(r.values).toEqual({ 'org.budget': '列入财政预算', fees: null });
  });
});
