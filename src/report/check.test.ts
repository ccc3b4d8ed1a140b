import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir, seedGoldDir } from '../testing/paths.ts';
import { type CheckOptions, check, type Statement } from './check.ts';
import type { Report, TemplateId } from './model.ts';
import { RULE_IDS, RULES } from './rules/definitions.ts';
import { sampleReport } from './sample.ts';

const ids = (report: Report, opts?: CheckOptions) => check(report, opts).map((f) => f.rule);

/** Two consecutive new2021 reports of one body whose carry-over and in-force figures chain. */
function chainedPair(): { previous: Report; report: Report } {
  const previous = sampleReport({ format: 'new2021', seed: 8, year: 2021 });
  const carriedIn = Object.fromEntries(
    ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org'].map((c) => [
      c,
      previous.values[`apply.carried_over.${c}`] as number,
    ]),
  );
  const inForceBefore = {
    rules: previous.values['s20_1.rules.in_force'] as number,
    normative: previous.values['s20_1.normative.in_force'] as number,
  };
  return { previous, report: sampleReport({ format: 'new2021', seed: 9, year: 2022, carriedIn, inForceBefore }) };
}

interface Case {
  report: Report;
  opts?: CheckOptions;
}

/** For a rule id: a report that passes it, and the same report broken in exactly that relation. */
function casesFor(id: string): { pass: Case; broken: Case } {
  const def = RULES.find((r) => r.id === id)!;
  const format: TemplateId = def.templates.includes('new2021') ? 'new2021' : def.templates[0];
  const withFormat = def.templates.includes('new2019') && !def.templates.includes('new2021') ? 'new2019' : format;
  const pass = sampleReport({ format: withFormat, seed: 7, scale: 40, otherAsThreeRows: id.includes('.other.') });
  const broken = structuredClone(pass);
  const v = broken.values;
  const bump = (key: string, by = 1) => {
    v[key] = (v[key] as number) + by;
  };
  let passOpts: CheckOptions | undefined;
  let brokenOpts: CheckOptions | undefined;

  if (id.startsWith('new.apply.balance.')) bump(`apply.received.${id.split('.').pop()}`);
  else if (id.startsWith('new.apply.results_sum.')) bump(`apply.total.${id.split('.').pop()}`);
  else if (id.startsWith('new.apply.columns_sum.')) bump(`apply.${id.slice('new.apply.columns_sum.'.length)}.total`);
  else if (def.kind === 'sum') bump(def.total);
  else if (id === 'old.apply.answered_vs_completed') {
    bump('apply.completed');
    bump('apply.completed.on_time');
  } else if (id === 'old.proactive.channel_bounds') v['proactive.website'] = (v['proactive.total'] as number) + 1;
  else if (id === 'old.proactive.normative_bounds')
    v['proactive.normative_docs'] = (v['proactive.normative_docs_issued'] as number) + 1;
  else if (id === 'old.response.by_head_bounds')
    v['response.press_conferences_by_head'] = (v['response.press_conferences'] as number) + 1;
  else if (id === 'new.s20_1.in_force_bounds') {
    // new2019 definition: total ≥ published (the new2021 one, in_force ≥ 0, has its own test below).
    v['s20_1.rules.total'] = (v['s20_1.rules.published'] as number) - 1;
  } else if (id === 'cross.apply.carry') {
    const { previous, report } = chainedPair();
    const wrongPrevious = structuredClone(previous);
    wrongPrevious.values['apply.carried_over.total'] = (previous.values['apply.carried_over.total'] as number) + 3;
    return { pass: { report, opts: { previous } }, broken: { report, opts: { previous: wrongPrevious } } };
  } else if (id === 'cross.s20_1.in_force') {
    const { previous, report } = chainedPair();
    const off = structuredClone(report);
    off.values['s20_1.normative.in_force'] = (report.values['s20_1.normative.in_force'] as number) + 2;
    return { pass: { report, opts: { previous } }, broken: { report: off, opts: { previous } } };
  } else if (id === 'text.table_mismatch') {
    const total = pass.values['apply.received.total'] as number;
    passOpts = { statements: [{ key: 'apply.received.total', value: total, text: `收到申请${total}件` }] };
    brokenOpts = {
      statements: [{ key: 'apply.received.total', value: total + 5, line: 12, text: `收到申请${total + 5}件` }],
    };
  } else throw new Error(`no break for ${id}`);
  return { pass: { report: pass, opts: passOpts }, broken: { report: broken, opts: brokenOpts ?? passOpts } };
}

describe('rule catalog', () => {
  it('holds every rule id of the contract', () => {
    for (const id of [
      'old.apply.received_sum',
      'old.apply.completed_sum',
      'old.apply.answered_sum',
      'old.apply.refused_sum',
      'old.apply.answered_vs_completed',
      'old.review_sum',
      'old.litigation_sum',
      'old.complaints_sum',
      'old.org.staff_sum',
      'old.proactive.channel_bounds',
      'old.proactive.normative_bounds',
      'old.response.by_head_bounds',
      'new.apply.balance.total',
      'new.apply.results_sum.natural_person',
      'new.apply.columns_sum.received',
      'new.review_sum',
      'new.litigation.direct_sum',
      'new.litigation.after_review_sum',
      'new.s20_1.in_force_bounds',
      'cross.apply.carry',
      'cross.s20_1.in_force',
      'text.table_mismatch',
    ]) {
      expect(RULE_IDS).toContain(id);
    }
  });

  it.each(RULE_IDS)('%s: passes a consistent report and catches the broken relation', (id) => {
    const { pass, broken } = casesFor(id);
    expect(ids(pass.report, pass.opts)).toEqual([]);
    expect(ids(broken.report, broken.opts)).toContain(id);
  });

  it.each(['cross.apply.carry', 'cross.s20_1.in_force'])('%s runs only with the previous year given', (id) => {
    const { broken } = casesFor(id);
    expect(ids(broken.report)).not.toContain(id);
    const notLastYear = { ...broken.opts!.previous!, year: broken.report.year - 2 };
    expect(ids(broken.report, { previous: notLastYear })).not.toContain(id);
  });

  it('new.s20_1.in_force_bounds on new2021: a negative in_force is flagged', () => {
    const report = sampleReport({ format: 'new2021', seed: 3 });
    expect(ids(report)).toEqual([]);
    report.values['s20_1.normative.in_force'] = -2;
    expect(ids(report)).toEqual(['new.s20_1.in_force_bounds']);
  });
});

describe('blank cells and words', () => {
  const base = (): Report => ({
    format: 'old2008',
    year: 2018,
    issuer: 'x',
    values: { 'review.total': null, 'review.upheld': 2, 'review.corrected': 0, 'review.other': 0 },
  });

  it('does not evaluate a sum whose total is blank', () => {
    expect(ids(base())).toEqual([]);
  });

  it('does not evaluate a rule whose operands are all absent', () => {
    expect(check({ format: 'new2021', year: 2022, issuer: 'x', values: {} })).toEqual([]);
  });

  it('treats words in a cell as no number', () => {
    const r = base();
    r.values['review.total'] = '无';
    expect(ids(r)).toEqual([]);
  });

  it('compares answered against the sum of the types when answered is blank, and says so', () => {
    const r: Report = {
      format: 'old2008',
      year: 2018,
      issuer: 'x',
      values: { 'apply.answered': null, 'apply.answered.agreed': 5, 'apply.completed': 4 },
    };
    const [finding] = check(r);
    expect(finding.rule).toBe('old.apply.answered_vs_completed');
    expect(finding).toMatchObject({ expected: 4, actual: 5 });
    expect(finding.message).toContain('按各分项合计');
  });

  it.each([
    [
      'new: a blank 办理结果总计 is replaced by its results in the balance',
      (): Report => {
        const r = sampleReport({ format: 'new2021', seed: 11, otherAsThreeRows: false });
        r.values['apply.total.natural_person'] = null;
        return r;
      },
      [] as string[],
    ],
    [
      'new: … and the balance catches results that do not add up, saying so',
      (): Report => {
        const r = sampleReport({ format: 'new2021', seed: 11, otherAsThreeRows: false });
        r.values['apply.total.natural_person'] = null;
        r.values['apply.granted.natural_person'] = (r.values['apply.granted.natural_person'] as number) + 2;
        r.values['apply.granted.total'] = (r.values['apply.granted.total'] as number) + 2;
        r.values['apply.total.total'] = (r.values['apply.total.total'] as number) + 2;
        return r;
      },
      ['new.apply.balance.natural_person', 'new.apply.balance.total'],
    ],
    [
      'old: a blank 不同意公开答复数 counts as its six reasons inside 申请答复数',
      (): Report => {
        const r = sampleReport({ format: 'old2008', seed: 12 });
        r.values['apply.answered.refused'] = null;
        return r;
      },
      [] as string[],
    ],
    [
      'old: … and its reasons are checked against the printed 申请答复数',
      (): Report => {
        const r = sampleReport({ format: 'old2008', seed: 12 });
        r.values['apply.answered.refused'] = null;
        r.values['apply.answered.refused.privacy'] = (r.values['apply.answered.refused.privacy'] as number) + 1;
        return r;
      },
      ['old.apply.answered_sum'],
    ],
    [
      'old: a blank 申请办结数 is on_time + extended against 申请答复数',
      (): Report => {
        const r = sampleReport({ format: 'old2008', seed: 13 });
        r.values['apply.completed'] = null;
        r.values['apply.completed.on_time'] = (r.values['apply.completed.on_time'] as number) + 1;
        return r;
      },
      ['old.apply.answered_vs_completed'],
    ],
    [
      'new: a row that is not printed is not derived (no second finding on the 总计 column)',
      (): Report => ({
        format: 'new2021',
        year: 2022,
        issuer: 'x',
        values: {
          'apply.received.natural_person': 5,
          'apply.total.natural_person': 3,
          'apply.granted.natural_person': 3,
          'apply.carried_over.natural_person': 1,
        },
      }),
      ['new.apply.balance.natural_person'],
    ],
    [
      'new: blank and words everywhere: nothing to evaluate',
      (): Report => ({
        format: 'new2019',
        year: 2019,
        issuer: 'x',
        values: { 'apply.received.total': null, 'apply.total.total': '无', 'review.total': null },
      }),
      [] as string[],
    ],
  ])('%s', (_name, make, expected) => {
    expect(ids(make())).toEqual(expected);
  });

  it('names the blank cell in the message', () => {
    const r = sampleReport({ format: 'new2021', seed: 11, otherAsThreeRows: false });
    r.values['apply.total.natural_person'] = null;
    r.values['apply.granted.natural_person'] = (r.values['apply.granted.natural_person'] as number) + 2;
    const [finding] = check(r);
    expect(finding.rule).toBe('new.apply.balance.natural_person');
    expect(finding.message).toContain('「办理结果总计（自然人）」');
    expect(finding.message).toContain('表中空白，按各分项合计');
    expect(finding.cells).toContain('apply.granted.natural_person');
  });

  it('uses the three （六）其他处理 rows when a new2021 report prints them', () => {
    const r = sampleReport({ format: 'new2021', seed: 5, otherAsThreeRows: true });
    expect(ids(r)).toEqual([]);
    r.values['apply.other.fee_unpaid.natural_person'] =
      (r.values['apply.other.fee_unpaid.natural_person'] as number) + 1;
    expect(ids(r)).toContain('new.apply.results_sum.natural_person');
  });
});

describe('gold files', () => {
  const gold = [
    ...readdirSync(seedGoldDir).map((f) => join(seedGoldDir, f)),
    ...readdirSync(join(samplesDir, 'gold')).map((f) => join(samplesDir, 'gold', f)),
  ].sort();

  /** Figures the narrative states, as the extractor supplies them (quoted in the gold notes). */
  const STATEMENTS: Record<string, Statement[]> = {
    'hongze-2023.json': [{ key: 'apply.received.total', value: 21, text: '受理政府信息公开申请21件' }],
    'hongze-2024.json': [
      { key: 'apply.received.total', value: 17, text: '区政府办代表区政府受理政府信息公开申请17件' },
    ],
    '001_75263946f453c9d5.json': [
      { key: 'apply.received', value: 194, text: '共受理政府信息公开申请194件' },
      { key: 'review.total', value: 10, text: '行政复议10件' },
    ],
  };

  it.each(gold)('%s: the errors and warnings found are exactly the gold violations', (file) => {
    const g = JSON.parse(readFileSync(file, 'utf8'));
    const statements = STATEMENTS[basename(file)];
    const found = check({ format: g.format, year: g.year, issuer: g.issuer, values: g.values }, { statements })
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => f.rule);
    expect([...new Set(found)].sort()).toEqual([...(g.violations as string[])].sort());
  });

  it('seed 000 gets the error old.apply.answered_vs_completed', () => {
    const g = JSON.parse(readFileSync(join(seedGoldDir, '000_6e3b6fbd91fc059e.json'), 'utf8'));
    const findings = check({ format: g.format, year: g.year, issuer: g.issuer, values: g.values });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'old.apply.answered_vs_completed',
    ]);
    expect(findings[0].message).toContain('31');
    expect(findings[0].message).toContain('17');
  });

  it('hongze 2024 against 2023: the cross-year rules hold', () => {
    const read = (name: string) => {
      const g = JSON.parse(readFileSync(join(samplesDir, 'gold', name), 'utf8'));
      return { format: g.format, year: g.year, issuer: g.issuer, values: g.values } as Report;
    };
    const findings = check(read('hongze-2024.json'), { previous: read('hongze-2023.json') });
    expect(findings.filter((f) => f.rule.startsWith('cross.'))).toEqual([]);
  });
});
