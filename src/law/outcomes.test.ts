import { describe, expect, it } from 'vitest';
import { keysOf } from '../report/templates/index.ts';
import { OUTCOMES, outcome } from './outcomes.ts';

describe('statutory outcomes', () => {
  it('map each 2019 outcome to a row of the new2021 and new2019 application tables', () => {
    for (const o of OUTCOMES.filter((x) => x.regime === '2019')) {
      expect(keysOf('new2021')).toContain(`${o.reportKey.new2021}.total`);
      expect(keysOf('new2019')).toContain(`${o.reportKey.new2019}.total`);
    }
  });

  it('map each 2007 outcome to an answer row of the old table', () => {
    for (const o of OUTCOMES.filter((x) => x.regime === '2007'))
      expect(keysOf('old2008')).toContain(o.reportKey.old2008);
  });

  it('cite an article for every outcome', () => {
    for (const o of OUTCOMES) expect(o.basis).toMatch(/条|办法/);
    expect(outcome('other.no_correction', '2019').reportKey.new2019).toBe('apply.other');
  });
});
