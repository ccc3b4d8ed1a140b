/**
 * The check of the report's counts kept beside the cases (issue #18): `case_tallies` is written by a trigger in
 * the same transaction as each change of `cases`; recounting the cases must give the same figures. A difference
 * (a tally edited by hand, a restore of one table without the other) is listed, and `rebuildTallies` recounts.
 * The check itself is src/db/kept-counts.ts, shared with the catalog's counts.
 */
import type { Db, Executor } from '../db/client.ts';
import { type KeptCounts, rebuildKept, recountKept } from '../db/kept-counts.ts';

export interface TallyDifference {
  agencyId: number;
  receivedYear: number;
  closedYear: number | null;
  applicantType: string;
  regime: string;
  outcome: string | null;
  channel: string;
  extended: boolean;
  /** The count kept. */
  kept: number;
  /** The count of the cases. */
  counted: number;
}

const CASE_COUNTS: KeptCounts = {
  source: 'cases',
  tallies: 'case_tallies',
  facts: [
    { name: 'agencyId', column: 'agency_id', counted: 'agency_id' },
    { name: 'receivedYear', column: 'received_year', counted: 'extract(year from received_on)::int' },
    { name: 'closedYear', column: 'closed_year', counted: 'extract(year from closed_on)::int', nullable: true },
    { name: 'applicantType', column: 'applicant_type', counted: 'applicant_type' },
    { name: 'regime', column: 'regime', counted: 'regime' },
    { name: 'outcome', column: 'outcome', counted: 'outcome', nullable: true },
    { name: 'channel', column: 'channel', counted: 'channel' },
    { name: 'extended', column: 'extended', counted: 'extended' },
  ],
};

/** Every set of facts whose kept count differs from the count of the cases; empty when they agree. */
export function recountTallies(db: Executor): Promise<TallyDifference[]> {
  return recountKept<TallyDifference>(db, CASE_COUNTS);
}

/** Recounts every tally from the cases (the cases locked meanwhile, so no change slips between). */
export function rebuildTallies(db: Db): Promise<void> {
  return rebuildKept(db, CASE_COUNTS);
}
