import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { keysOf } from '../report/templates/index.ts';
import { OUTCOMES, outcome } from './outcomes.ts';

const CODES_2019 = [
  'granted',
  'partly_granted',
  ...['state_secret', 'law_prohibited', 'security_stability', 'third_party'].map((c) => `withheld.${c}`),
  ...['internal_affairs', 'process_info', 'enforcement_file', 'query_matter'].map((c) => `withheld.${c}`),
  ...['not_held', 'needs_creation', 'still_unclear'].map((c) => `unavailable.${c}`),
  ...['petition', 'duplicate', 'publication', 'excessive', 'confirm_reissue'].map((c) => `not_processed.${c}`),
  ...['no_correction', 'fee_unpaid', 'other'].map((c) => `other.${c}`),
];
const CODES_2007 = [
  'already_public',
  'agreed',
  'partial',
  ...['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'].map(
    (c) => `refused.${c}`,
  ),
  'not_this_agency',
  'not_exist',
  'correction',
  'other_channel',
];

describe('statutory outcomes', () => {
  it('hold exactly the codes of each regime, once each', () => {
    expect(OUTCOMES.filter((o) => o.regime === '2019').map((o) => o.code)).toEqual(CODES_2019);
    expect(OUTCOMES.filter((o) => o.regime === '2007').map((o) => o.code)).toEqual(CODES_2007);
  });

  it.each(CODES_2019)('2019 %s is a row of the new2021 and new2019 application tables', (code) => {
    const o = outcome(code, '2019');
    expect(o.reportKey.new2021).toBe(`apply.${code}`);
    expect(keysOf('new2021')).toContain(`${o.reportKey.new2021}.total`);
    expect(keysOf('new2019')).toContain(`${o.reportKey.new2019}.total`);
  });

  it.each([
    ['other.no_correction', 'apply.other'],
    ['other.fee_unpaid', 'apply.other'],
    ['withheld.third_party', 'apply.withheld.third_party'],
  ])('2019 %s is counted in %s of the 2019 format', (code, key) => {
    expect(outcome(code, '2019').reportKey.new2019).toBe(key);
  });

  it.each(CODES_2007)('2007 %s is an answer row of the old table', (code) => {
    const o = outcome(code, '2007');
    expect(o.reportKey.old2008).toBe(`apply.answered.${code}`);
    expect(keysOf('old2008')).toContain(o.reportKey.old2008);
  });

  it.each([
    ['withheld.state_secret', '2019', '第三十六条第（三）项、第十四条'],
    ['partly_granted', '2019', '第三十七条'],
    ['not_processed.petition', '2019', '第三十九条第一款'],
    ['other.no_correction', '2019', '第三十条'],
    ['partial', '2007', '第二十二条'],
    ['correction', '2007', '第二十一条第（四）项'],
  ] as const)('%s (%s) cites %s', (code, regime, article) => {
    expect(outcome(code, regime).basis).toContain(article);
  });

  it('cites a basis and a Chinese label for every outcome', () => {
    for (const o of OUTCOMES) {
      expect(o.basis).toMatch(/条|办法/);
      expect(o.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses an unknown code or the wrong regime', () => {
    expect(() => outcome('granted', '2007')).toThrow(AppError);
    expect(() => outcome('nonsense', '2019')).toThrow(/未知的办理结果/);
  });
});
