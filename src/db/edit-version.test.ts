import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { assertEditVersion, editVersionOf, NEW_ROW_VERSION } from './edit-version.ts';

describe('edit versions', () => {
  const row = { updatedAt: new Date('2026-12-04T02:03:04.567Z') };
  const seen = editVersionOf(row, { overview: '甲' });

  it('a row not yet saved has the version "new"', () => {
    expect(editVersionOf(null, {})).toBe(NEW_ROW_VERSION);
    expect(editVersionOf({ updatedAt: null }, {})).toBe(NEW_ROW_VERSION);
  });

  it('the version the editor saw passes', () => {
    expect(() => assertEditVersion(editVersionOf(row, { overview: '甲' }), seen, '正文')).not.toThrow();
  });

  it.each([
    ['a save at a later time', editVersionOf({ updatedAt: new Date(row.updatedAt.getTime() + 1) }, { overview: '甲' })],
    ['a save in the same millisecond with other content', editVersionOf(row, { overview: '乙' })],
    ['a row saved by someone else first', editVersionOf(row, { overview: '甲' })],
  ])('%s is a conflict naming what changed', (name, current) => {
    const editorSaw = name === 'a row saved by someone else first' ? NEW_ROW_VERSION : seen;
    try {
      assertEditVersion(current, editorSaw, '年度报告正文');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('conflict');
      expect((error as Error).message).toContain('年度报告正文已被他人修改');
    }
  });

  it('an empty version (a form without one) is a conflict', () => {
    expect(() => assertEditVersion(seen, '', '设置')).toThrow(/已被他人修改/);
  });
});
