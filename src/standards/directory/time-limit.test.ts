import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../law/calendar.ts';
import { seedCalendarYears } from '../../law/calendar-seed.ts';
import { STANDARD_ITEM_TEMPLATES } from './templates.ts';
import { annualDueOn, eventDueOn, parseNumber, parseTimeLimit } from './time-limit.ts';

describe('公开时限 as the 目录 write them', () => {
  it.each([
    ['第二十六条 wording', '信息形成或变更之日起20个工作日内', { kind: 'working_days', days: 20 }],
    ['with 或者', '信息形成或者变更之日起20个工作日内', { kind: 'working_days', days: 20 }],
    ['Chinese numerals', '信息形成之日起二十个工作日内', { kind: 'working_days', days: 20 }],
    ['full-width digits', '形成之日起１５个工作日内', { kind: 'working_days', days: 15 }],
    ['人大 approval, calendar days', '本级人民代表大会或其常务委员会批准后20日内', { kind: 'days', days: 20 }],
    ['天', '项目批准后7天内', { kind: 'days', days: 7 }],
    ['自然日', '结果产生后5个自然日内', { kind: 'days', days: 5 }],
    ['each year, end of month', '每年6月底前', { kind: 'annual', month: 6, day: 30 }],
    ['each year, a day', '每年3月31日前', { kind: 'annual', month: 3, day: 31 }],
    ['each year, 2月底', '每年2月底前', { kind: 'annual', month: 2, day: 28 }],
    ['each year in Chinese', '每年十二月底前', { kind: 'annual', month: 12, day: 31 }],
    ['实时', '实时公开', { kind: 'continuous' }],
    ['长期', '长期公开，动态更新', { kind: 'continuous' }],
    ['及时 alone: 第二十六条', '及时公开', { kind: 'working_days', days: 20 }],
    ['永久 (公共文化服务)', '永久公开', { kind: 'continuous' }],
    ['at an event (征地补偿)', '在实地启动拟征收土地工作时，在村公示栏公开', { kind: 'days', days: 0 }],
    ['及时 after a decision is not “at the event”', '作出决定后及时公开', { kind: 'working_days', days: 20 }],
    [
      '两个时限: the first period read',
      '除处罚决定外其他内容：长期公开（动态调整）；处罚决定：20个工作日内',
      { kind: 'working_days', days: 20 },
    ],
    ['no 个 (保障性住房)', '信息形成（变更）20个工作日内', { kind: 'working_days', days: 20 }],
  ])('%s: %s', (_name, text, expected) => {
    expect(parseTimeLimit(text)).toEqual(expected);
  });

  it.each([
    ['no period', '按有关规定'],
    ['a month that does not exist', '每年13月底前'],
    ['a day the month lacks', '每年2月30日前'],
  ])('%s is unparsed, not guessed: %s', (_name, text) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'unparsed', text });
  });

  it('reads Chinese numerals up to 九十九', () => {
    expect([
      parseNumber('十'),
      parseNumber('十五'),
      parseNumber('二十'),
      parseNumber('九十九'),
      parseNumber(''),
    ]).toEqual([10, 15, 20, 99, null]);
  });

  it('every seed template has a time limit the parser reads', () => {
    for (const t of STANDARD_ITEM_TEMPLATES) expect(parseTimeLimit(t.timeLimit).kind, t.key).not.toBe('unparsed');
  });
});

describe('due days', () => {
  const calendar = new WorkingCalendar(seedCalendarYears());
  it('20 working days across 国庆中秋 2025, the day of forming not counted', () => {
    expect(eventDueOn({ kind: 'working_days', days: 20 }, '2025-09-26', calendar)).toBe('2025-10-30');
  });
  it('20 calendar days', () => {
    expect(eventDueOn({ kind: 'days', days: 20 }, '2026-01-20', calendar)).toBe('2026-02-09');
  });
  it('at the event: due the same day', () => {
    expect(eventDueOn({ kind: 'days', days: 0 }, '2026-03-02', calendar)).toBe('2026-03-02');
  });
  it('an annual day in a year', () => {
    expect(annualDueOn({ month: 6, day: 5 }, 2026)).toBe('2026-06-05');
  });
});
