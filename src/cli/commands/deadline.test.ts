import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/paths.ts';

const gongkai = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gongkai deadline', () => {
  it('prints the due date and its explanation as JSON', () => {
    // Hand count in src/law/deadline.test.ts ('combines a pause and an extension').
    const r = gongkai('deadline', '--received', '2025-09-26', '--pause', '2025-10-13:2025-10-17', '--extend');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({
      due: '2025-12-04',
      firstDue: '2025-11-06',
      regime: '2019',
      start: '2025-09-26',
      extended: true,
      workingDaysCounted: 40,
      pauses: [{ from: '2025-10-13', to: '2025-10-17' }],
    });
    expect(out.explanation.join('\n')).toContain('征求第三方或其他机关意见');
    expect(out.explanation.at(-1)).toBe('答复期限：2025-12-04（周四）。');
  });

  it('takes a correction and repeated pauses', () => {
    const r = gongkai(
      'deadline',
      '--received',
      '2025-03-03',
      '--correction-received',
      '2025-03-10',
      '--pause',
      '2025-03-12:2025-03-12',
      '--pause',
      '2025-03-14:2025-03-14',
    );
    expect(r.code, r.err).toBe(0);
    // From 3/10 the due date is 4/8 (src/law/deadline.test.ts); two paused working days → 4/10.
    expect(JSON.parse(r.out)).toMatchObject({ start: '2025-03-10', due: '2025-04-10' });
  });

  it('a year without its notice: the provisional date, marked, the missing year named (issue 13)', () => {
    // Hand count in src/law/statutory-holidays.test.ts: 2026-12-31 → 2027-01-29 on the provisional 2027.
    const r = gongkai('deadline', '--received', '2026-12-31');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ due: '2027-01-29', provisional: true, provisionalYears: [2027] });
    expect(out.explanation.at(-1)).toBe('答复期限：2027-01-29（周五，暂定）。');
    expect(JSON.parse(gongkai('deadline', '--received', '2025-03-03').out)).toMatchObject({ provisional: false });
  });

  it.each([
    ['defaults to the 2007 regime before 2019-05-15', ['--received', '2018-03-01'], '2007', '2018-03-22'],
    ['follows --regime', ['--received', '2025-03-03', '--regime', '2007'], '2007', '2025-03-24'],
  ])('%s', (_name, args, regime, due) => {
    expect(JSON.parse(gongkai('deadline', ...args).out)).toMatchObject({ regime, due });
  });

  it.each([
    ['a year before any calendar, naming it', ['--received', '2003-06-02'], '2003'],
    ['an impossible date', ['--received', '2025-02-30'], 'YYYY-MM-DD'],
    ['a bad pause', ['--received', '2025-03-03', '--pause', '2025-03-10'], '--pause'],
    ['a bad regime', ['--received', '2025-03-03', '--regime', '2020'], '--regime'],
    ['a pause ending before it starts', ['--received', '2025-03-03', '--pause', '2025-03-10:2025-03-05'], '早于'],
  ])('refuses %s in one line', (_name, args, text) => {
    const r = gongkai('deadline', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(text);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('gongkai calendar show', () => {
  it('prints a year’s holidays and 调休 days with the notice', () => {
    const r = gongkai('calendar', 'show', '2025');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('国办发明电〔2024〕12号');
    expect(r.out).toContain('2025-10-08（周三）国庆节、中秋节');
    expect(r.out).toMatch(/调休上班：\n(.*\n)*2025-09-28（周日）/);
  });

  it('names a year it does not hold', () => {
    const r = gongkai('calendar', 'show', '2099');
    expect(r.code).toBe(2);
    expect(r.err).toContain('2099');
  });
});
