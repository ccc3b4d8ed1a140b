/**
 * Completeness and timeliness of a unit's 标准目录 (issue #17): for each item the unit adopted, whether the
 * catalog items tagged with it cover it, when each was due and whether it went out late or not at all. Pure:
 * the caller loads the items, the tagged records and the working calendar (view.ts).
 *
 * Judged for one year (the page's; by default this year):
 *   - an event-driven 时限 (N 个工作日 / N 日, from the day the information was formed: the record's 成文日期):
 *     each record formed in the year is due then; published after it is late, not published by today past it is
 *     missing. With no record, nothing shows the information was ever formed: 'no_record', not a failure;
 *   - an annual 时限 (每年6月底前): due on that day of the year unless the unit adopted the item after it; met by
 *     a record published in the year, late when published after the day, missing when none by today past it;
 *   - a continuous one (实时、长期公开): due 20 working days (《条例》第二十六条) after the unit adopted it, met by
 *     any record published by today;
 *   - an unparsed one is shown, not judged.
 */
import type { WorkingCalendar } from '../../law/calendar.ts';
import { annualDueOn, DEFAULT_WORKING_DAYS, eventDueOn, parseTimeLimit, type TimeLimit } from './time-limit.ts';

export interface AdoptedItem {
  id: number;
  agencyId: number;
  area: string;
  level1: string;
  level2: string;
  timeLimit: string;
  adoptedOn: string;
}

export interface TaggedRecord {
  id: number;
  standardItemId: number;
  title: string;
  /** 成文日期: the day the information was formed. */
  writtenOn: string | null;
  publishedOn: string | null;
  /** state = 'published' (a withdrawn or unfinished record is not public). */
  published: boolean;
}

export type ItemState = 'on_time' | 'late' | 'missing' | 'not_due' | 'no_record' | 'unjudged';

export interface RecordJudgement {
  id: number;
  title: string;
  dueOn: string | null;
  publishedOn: string | null;
  state: 'on_time' | 'late' | 'missing' | 'not_due';
}

export interface ItemJudgement {
  item: AdoptedItem;
  limit: TimeLimit;
  state: ItemState;
  /** The due day shown for the item: the annual or continuous one, else the earliest missing or late record's. */
  dueOn: string | null;
  records: RecordJudgement[];
}

export interface Tally {
  adopted: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  noRecord: number;
  unjudged: number;
}

const emptyTally = (): Tally => ({ adopted: 0, onTime: 0, late: 0, missing: 0, notDue: 0, noRecord: 0, unjudged: 0 });

const TALLY_KEY: Record<ItemState, keyof Tally> = {
  on_time: 'onTime',
  late: 'late',
  missing: 'missing',
  not_due: 'notDue',
  no_record: 'noRecord',
  unjudged: 'unjudged',
};

export function tally(judgements: readonly ItemJudgement[]): Tally {
  const t = emptyTally();
  for (const j of judgements) {
    t.adopted++;
    t[TALLY_KEY[j.state]]++;
  }
  return t;
}

const yearOf = (d: string | null) => (d ? Number(d.slice(0, 4)) : null);

function judgeOne(
  item: AdoptedItem,
  records: readonly TaggedRecord[],
  opts: { year: number; today: string; calendar: WorkingCalendar },
): ItemJudgement {
  const limit = parseTimeLimit(item.timeLimit);
  const { year, today } = opts;
  const published = (r: TaggedRecord) => r.published && r.publishedOn !== null && r.publishedOn <= today;
  const shown = (r: TaggedRecord, dueOn: string | null, state: RecordJudgement['state']): RecordJudgement => ({
    id: r.id,
    title: r.title,
    dueOn,
    publishedOn: published(r) ? r.publishedOn : null,
    state,
  });

  if (limit.kind === 'unparsed') return { item, limit, state: 'unjudged', dueOn: null, records: [] };

  if (limit.kind === 'annual' || limit.kind === 'continuous') {
    const dueOn =
      limit.kind === 'annual'
        ? annualDueOn(limit, year)
        : opts.calendar.addWorkingDays(item.adoptedOn, DEFAULT_WORKING_DAYS).date;
    const inScope = records.filter(
      (r) => published(r) && (limit.kind === 'continuous' || yearOf(r.publishedOn) === year),
    );
    const judged = inScope.map((r) => shown(r, dueOn, r.publishedOn! <= dueOn ? 'on_time' : 'late'));
    let state: ItemState;
    if (limit.kind === 'annual' && item.adoptedOn > dueOn) state = judged.length ? 'on_time' : 'not_due';
    else if (judged.some((r) => r.state === 'on_time')) state = 'on_time';
    else if (judged.length) state = 'late';
    else state = today > dueOn ? 'missing' : 'not_due';
    return { item, limit, state, dueOn, records: judged };
  }

  // Event-driven: each record formed in the year (or, without a 成文日期, published in it).
  const judged: RecordJudgement[] = [];
  for (const r of records) {
    const formed = r.writtenOn;
    if ((yearOf(formed) ?? yearOf(r.publishedOn)) !== year) continue;
    if (!formed) {
      if (published(r)) judged.push(shown(r, null, 'on_time'));
      continue;
    }
    const dueOn = eventDueOn(limit, formed, opts.calendar);
    if (published(r)) judged.push(shown(r, dueOn, dueOn && r.publishedOn! > dueOn ? 'late' : 'on_time'));
    else judged.push(shown(r, dueOn, dueOn && today > dueOn ? 'missing' : 'not_due'));
  }
  const first = (s: RecordJudgement['state']) =>
    judged
      .filter((r) => r.state === s)
      .map((r) => r.dueOn)
      .sort()[0] ?? null;
  let state: ItemState;
  if (judged.some((r) => r.state === 'missing')) state = 'missing';
  else if (judged.some((r) => r.state === 'late')) state = 'late';
  else if (judged.some((r) => r.state === 'on_time')) state = 'on_time';
  else if (judged.length) state = 'not_due';
  else state = 'no_record';
  const dueOn = state === 'missing' ? first('missing') : state === 'late' ? first('late') : first('not_due');
  return { item, limit, state, dueOn, records: judged };
}

/**
 * Judges every adopted item of the units given against the records tagged with it, for `year` as of `today`.
 *
 * @example
 * judgeItems([{ id: 1, timeLimit: '每年6月5日前', adoptedOn: '2026-01-01', … }], [], { year: 2026, today: '2026-07-01', calendar })
 * // [{ state: 'missing', dueOn: '2026-06-05', … }]
 */
export function judgeItems(
  items: readonly AdoptedItem[],
  records: readonly TaggedRecord[],
  opts: { year: number; today: string; calendar: WorkingCalendar },
): ItemJudgement[] {
  const byItem = new Map<number, TaggedRecord[]>();
  for (const r of records) {
    const list = byItem.get(r.standardItemId) ?? [];
    list.push(r);
    byItem.set(r.standardItemId, list);
  }
  return items.map((i) => {
    try {
      return judgeOne(i, byItem.get(i.id) ?? [], opts);
    } catch (error) {
      // A year the working calendar does not hold: the item is shown, not judged on a guessed calendar.
      if ((error as { code?: string }).code !== 'calendar_missing') throw error;
      return { item: i, limit: parseTimeLimit(i.timeLimit), state: 'unjudged' as const, dueOn: null, records: [] };
    }
  });
}

/** Per area: the tally of every unit's items in it. */
export function tallyByArea(judgements: readonly ItemJudgement[]): Map<string, Tally> {
  const groups = new Map<string, ItemJudgement[]>();
  for (const j of judgements) groups.set(j.item.area, [...(groups.get(j.item.area) ?? []), j]);
  return new Map([...groups].map(([area, js]) => [area, tally(js)]));
}
