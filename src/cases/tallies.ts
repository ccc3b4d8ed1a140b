/**
 * The check of the report's counts kept beside the cases (issue #18): `case_tallies` is written by a trigger in
 * the same transaction as each change of `cases`; recounting the cases must give the same figures. A difference
 * (a tally edited by hand, a restore of one table without the other) is listed, and `rebuildTallies` recounts.
 */
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';

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

const FACTS = sql.raw(`agency_id, extract(year from received_on)::int as received_year,
  extract(year from closed_on)::int as closed_year, applicant_type, regime, outcome, channel, extended`);

/** Every set of facts whose kept count differs from the count of the cases; empty when they agree. */
export async function recountTallies(db: Executor): Promise<TallyDifference[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with counted as (select ${FACTS}, count(*)::int as n from cases group by 1, 2, 3, 4, 5, 6, 7, 8),
         kept as (select agency_id, received_year::int as received_year, closed_year::int as closed_year,
                         applicant_type, regime, outcome, channel, extended, n from case_tallies where n <> 0)
    select coalesce(c.agency_id, k.agency_id) as "agencyId",
           coalesce(c.received_year, k.received_year) as "receivedYear",
           coalesce(c.closed_year, k.closed_year) as "closedYear",
           coalesce(c.applicant_type, k.applicant_type) as "applicantType",
           coalesce(c.regime, k.regime) as "regime",
           coalesce(c.outcome, k.outcome) as "outcome",
           coalesce(c.channel, k.channel) as "channel",
           coalesce(c.extended, k.extended) as "extended",
           coalesce(k.n, 0) as "kept", coalesce(c.n, 0) as "counted"
      from counted c
      full join kept k
        on c.agency_id = k.agency_id and c.received_year = k.received_year
       and c.closed_year is not distinct from k.closed_year and c.applicant_type = k.applicant_type
       and c.regime = k.regime and c.outcome is not distinct from k.outcome and c.channel = k.channel
       and c.extended = k.extended
     where coalesce(k.n, 0) <> coalesce(c.n, 0)
     order by 1, 2, 3`);
  return result.rows as unknown as TallyDifference[];
}

/** Recounts every tally from the cases (the cases locked meanwhile, so no change slips between). */
export async function rebuildTallies(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table cases in share mode`);
    await tx.execute(sql`delete from case_tallies`);
    await tx.execute(sql`
    insert into case_tallies (agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, n)
    select agency_id, extract(year from received_on)::smallint, extract(year from closed_on)::smallint,
           applicant_type, regime, outcome, channel, extended, count(*)::int
      from cases group by 1, 2, 3, 4, 5, 6, 7, 8`);
  });
}
