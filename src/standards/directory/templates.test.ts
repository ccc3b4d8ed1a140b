/** The seed templates as data: every area answered for, every item sourced and readable (issue #17). */
import { describe, expect, it } from 'vitest';
import { AREA_SOURCES } from './area-sources.ts';
import { STANDARD_AREAS } from './areas.ts';
import { parseItemFields } from './item-fields.ts';
import { STANDARD_ITEM_TEMPLATES } from './templates.ts';
import { parseTimeLimit } from './time-limit.ts';

const itemsOf = (area: string) => STANDARD_ITEM_TEMPLATES.filter((t) => t.area === area);

describe('the 26 areas', () => {
  it('each has one source record, and no record names an area the list lacks', () => {
    expect(AREA_SOURCES.map((s) => s.area).sort()).toEqual(STANDARD_AREAS.map((a) => a.code).sort());
  });

  it.each(STANDARD_AREAS.map((a) => [a.name, a.code]))('%s has seed items or says why not', (_name, code) => {
    const source = AREA_SOURCES.find((s) => s.area === code)!;
    if (itemsOf(code).length === 0) expect(source.unconfirmed?.trim()).toBeTruthy();
    else expect(source.unconfirmed).toBeUndefined();
  });

  it('every area is seeded now', () => {
    expect(STANDARD_AREAS.filter((a) => itemsOf(a.code).length === 0).map((a) => a.name)).toEqual([]);
  });

  it('a source record names a 指引, its issuer, and the 目录 read (or says the items are recalled)', () => {
    for (const s of AREA_SOURCES) {
      expect(s.guidance, s.area).toMatch(/领域基层政务公开标准(指引|目录)$/);
      expect(s.issuer, s.area).not.toBe('');
      if (s.catalogs.length === 0) expect(s.note, s.area).toContain('[R]');
      for (const c of s.catalogs) expect(c.url, s.area).toMatch(/^https?:\/\/\S+$/);
      if (s.docNo) expect(s.docNo, s.area).toMatch(/〔20(19|20)〕\d+号$/);
    }
  });
});

describe('the seed items', () => {
  it('have unique keys, known areas, and keys prefixed with their area', () => {
    const keys = STANDARD_ITEM_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    const codes = new Set(STANDARD_AREAS.map((a) => a.code));
    for (const t of STANDARD_ITEM_TEMPLATES) {
      expect(codes.has(t.area), t.key).toBe(true);
      expect(t.key.startsWith(`${t.area}.`), t.key).toBe(true);
    }
  });

  it('name their source with a confidence tag, and a read source with its address', () => {
    for (const t of STANDARD_ITEM_TEMPLATES) {
      expect(t.source, t.key).toMatch(/\[(V|C|R)\]$/);
      if (/\[(V|C)\]$/.test(t.source)) expect(t.source, t.key).toMatch(/https?:\/\//);
    }
  });

  it('pass the check an administrator’s edit must pass (time limit read, an object, a way)', () => {
    for (const t of STANDARD_ITEM_TEMPLATES) expect(() => parseItemFields(t), t.key).not.toThrow();
  });

  it('read the real wordings of the new areas as the periods they state', () => {
    const limit = (key: string) => parseTimeLimit(STANDARD_ITEM_TEMPLATES.find((t) => t.key === key)!.timeLimit);
    expect(limit('land_compensation.notice_of_intent')).toEqual({ kind: 'days', days: 0 });
    expect(limit('land_compensation.survey')).toEqual({ kind: 'working_days', days: 5 });
    expect(limit('elderly_care.general_policy')).toEqual({ kind: 'working_days', days: 10 });
    expect(limit('planning.interaction')).toEqual({ kind: 'continuous' });
    expect(limit('work_safety.draft_decisions')).toEqual({ kind: 'working_days', days: 20 });
    expect(limit('social_assistance.dibao_policy')).toEqual({ kind: 'working_days', days: 10 });
  });

  it('carry a 依申请 item only to the applicant, as the 房屋征收 目录 do', () => {
    const onRequest = STANDARD_ITEM_TEMPLATES.filter((t) => t.onRequest && !t.proactive).map((t) => t.key);
    expect(onRequest).toEqual(['house_expropriation.public_interest', 'house_expropriation.risk_assessment']);
  });
});
