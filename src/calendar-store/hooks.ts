/**
 * What else must change when the calendar does: open cases' deadlines are recomputed (src/cases registers
 * the hook). Hooks run inside the transaction that saved the calendar, so a failing recompute undoes the save.
 */
import type { Tx } from '../db/client.ts';

/** When and by whom the calendar changed (null: the seed, `gongkai migrate`). */
export interface CalendarChange {
  at: Date;
  actorId: number | null;
}

export type CalendarChangedHook = (tx: Tx, years: number[], change: CalendarChange) => Promise<void>;

const hooks = new Set<CalendarChangedHook>();

/**
 * Registers a hook; returns a function that removes it.
 *
 * @example
 * onCalendarChanged(async (tx, years) => recomputeOpenDeadlines(tx, years));
 */
export function onCalendarChanged(hook: CalendarChangedHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runCalendarChanged(tx: Tx, years: number[], change: CalendarChange): Promise<void> {
  for (const hook of hooks) await hook(tx, years, change);
}
