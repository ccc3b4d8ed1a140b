/** The website report's rows against what their sources confirm (issue #17). */
import { describe, expect, it } from 'vitest';
import { isHeading, WEBSITE_LAYOUT, WEBSITE_LAYOUT_SOURCES, WEBSITE_ROWS } from './layout.ts';

describe('the 政府网站工作年度报表 layout', () => {
  it('has a section for each of the eight areas 国办函〔2018〕12号 names', () => {
    const sections = new Set(WEBSITE_LAYOUT.map((l) => l.section));
    for (const s of WEBSITE_LAYOUT_SOURCES.confirmedSections) expect(sections.has(s), s).toBe(true);
  });

  it('marks unconfirmed only rows of the sections the sources record names, and each of those has one', () => {
    const marked = new Set(WEBSITE_ROWS.filter((r) => r.unconfirmed).map((r) => r.section));
    expect([...marked].sort()).toEqual([...WEBSITE_LAYOUT_SOURCES.unconfirmedSections].sort());
  });

  it('keeps unconfirmed rows entered by hand, never computed from the platform’s records', () => {
    for (const r of WEBSITE_ROWS.filter((row) => row.unconfirmed)) expect(r.computed, r.key).toBeFalsy();
  });

  it('has unique keys and no heading among the value rows', () => {
    const keys = WEBSITE_ROWS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(WEBSITE_ROWS.some((r) => isHeading(r))).toBe(false);
  });
});
