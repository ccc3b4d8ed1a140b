import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../law/calendar.ts';
import { seedCalendarYears } from '../../law/calendar-seed.ts';
import { type AdoptedItem, judgeItems, type TaggedRecord, tally, tallyByArea } from './completeness.ts';

const calendar = new WorkingCalendar(seedCalendarYears());
let seq = 0;
const opts = { year: 2025, today: '2025-12-01', calendar };
const item = (id: number, timeLimit: string, over: Partial<AdoptedItem> = {}): AdoptedItem => ({
  id,
  agencyId: 1,
  area: 'fiscal',
  level1: '财政预决算',
  level2: `事项${id}`,
  timeLimit,
  adoptedOn: '2025-01-01',
  ...over,
});
const rec = (
  standardItemId: number,
  writtenOn: string | null,
  publishedOn: string | null,
  published = true,
): TaggedRecord => ({
  id: ++seq,
  standardItemId,
  title: `记录${standardItemId}`,
  writtenOn,
  publishedOn,
  published,
});

describe('an event-driven item (20 working days from forming)', () => {
  const twenty = '信息形成或者变更之日起20个工作日内';
  it.each([
    ['published within 20 working days', [rec(1, '2025-09-26', '2025-10-30')], 'on_time', null],
    ['published one day late', [rec(1, '2025-09-26', '2025-10-31')], 'late', '2025-10-30'],
    ['formed, never published, past due', [rec(1, '2025-09-26', null, false)], 'missing', '2025-10-30'],
    ['formed, not yet due', [rec(1, '2025-11-25', null, false)], 'not_due', '2025-12-23'],
    ['withdrawn: not public', [rec(1, '2025-09-26', '2025-10-10', false)], 'missing', '2025-10-30'],
    ['formed in another year: not this year', [rec(1, '2024-09-26', '2024-10-10')], 'no_record', null],
    ['no record at all', [], 'no_record', null],
  ])('%s', (_name, records, state, dueOn) => {
    const [j] = judgeItems([item(1, twenty)], records, opts);
    expect(j.state).toBe(state);
    expect(j.dueOn).toBe(dueOn);
  });

  it('calendar days after 人大 approval', () => {
    const [j] = judgeItems(
      [item(1, '本级人民代表大会或其常务委员会批准后20日内')],
      [rec(1, '2025-01-20', '2025-02-10')],
      opts,
    );
    expect(j).toMatchObject({ state: 'late', dueOn: '2025-02-09' });
  });
});

describe('an annual item (每年6月5日前)', () => {
  it.each([
    ['published before the day', [rec(1, null, '2025-06-01')], '2025-12-01', 'on_time'],
    ['published after it', [rec(1, null, '2025-06-20')], '2025-12-01', 'late'],
    ['not published, past the day', [], '2025-12-01', 'missing'],
    ['not published, before the day', [], '2025-05-01', 'not_due'],
    ["last year's publication does not count", [rec(1, null, '2024-06-01')], '2025-12-01', 'missing'],
  ])('%s', (_name, records, today, state) => {
    const [j] = judgeItems([item(1, '每年6月5日前')], records, { ...opts, today });
    expect(j).toMatchObject({ state, dueOn: '2025-06-05' });
  });

  it('adopted after the day: not due this year', () => {
    const [j] = judgeItems([item(1, '每年6月5日前', { adoptedOn: '2025-07-01' })], [], opts);
    expect(j.state).toBe('not_due');
  });
});

describe('continuous and unparsed items', () => {
  it('a continuous item is due 20 working days after adoption', () => {
    const [j] = judgeItems([item(1, '实时公开', { adoptedOn: '2025-03-03' })], [], opts);
    expect(j).toMatchObject({ state: 'missing', dueOn: '2025-03-31' });
  });
  it('an unparsed one is not judged', () => {
    expect(judgeItems([item(1, '按有关规定')], [], opts)[0].state).toBe('unjudged');
  });
  it('a year the calendar lacks is not judged either', () => {
    const [j] = judgeItems([item(1, '实时公开')], [], { ...opts, calendar: new WorkingCalendar([]) });
    expect(j.state).toBe('unjudged');
  });
});

describe('summaries', () => {
  it('per unit and per area', () => {
    const js = judgeItems(
      [item(1, '每年6月5日前'), item(2, '每年6月5日前', { area: 'environment' }), item(3, '实时公开')],
      [rec(2, null, '2025-06-01'), rec(3, null, '2025-02-01')],
      opts,
    );
    expect(tally(js)).toMatchObject({ adopted: 3, missing: 1, onTime: 2 });
    const areas = tallyByArea(js);
    expect(areas.get('fiscal')).toMatchObject({ adopted: 2, missing: 1, onTime: 1 });
    expect(areas.get('environment')).toMatchObject({ adopted: 1, onTime: 1 });
  });
});
