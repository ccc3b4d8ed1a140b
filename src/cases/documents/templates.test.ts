import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../law/outcomes.ts';
import {
  DEFAULT_TEMPLATES,
  documentKinds,
  fillTemplate,
  PLACEHOLDERS,
  placeholdersOf,
  replyKindOf,
} from './templates.ts';

describe('notice and reply templates', () => {
  it('fills placeholders and leaves a blank for a missing value', () => {
    expect(fillTemplate('{{申请人}}：请于{{补正期限}}前补正。', { 申请人: '张三' })).toBe('张三：请于________前补正。');
  });

  it.each(documentKinds.map((k) => [k]))('%s uses only known placeholders and cites the 条例', (kind) => {
    const t = DEFAULT_TEMPLATES[kind];
    expect(placeholdersOf(t.body).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p))).toEqual([]);
    expect(t.body).toMatch(/第[二三四五]十[一二三四五六七八九]?条|法律依据/);
  });

  it.each([
    ['granted', 'reply.granted'],
    ['withheld.third_party', 'reply.withheld'],
    ['unavailable.not_held', 'reply.unavailable'],
    ['not_processed.duplicate', 'reply.not_processed'],
    ['other.no_correction', 'reply.other'],
    ['partial', 'reply.partly_granted'],
    ['refused.privacy', 'reply.withheld'],
    ['not_exist', 'reply.unavailable'],
    ['correction', 'reply.other'],
  ])('outcome %s is answered with %s', (code, kind) => {
    expect(replyKindOf(code)).toBe(kind);
  });

  it('every statutory outcome has a reply template', () => {
    for (const o of OUTCOMES) expect(DEFAULT_TEMPLATES[replyKindOf(o.code)]).toBeDefined();
  });
});
